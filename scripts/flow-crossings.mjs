/**
 * Which files of src/ a chat `status` turn and one monitor cycle pass through, and how often the calls cross from one
 * folder of src/ to another, measured on the built code (run `npm run build` first): every exported function and
 * class method under dist/src is wrapped, and each call records its caller's file (from the stack, async frames
 * included) and its own. A crossing is a distinct caller file → callee file edge whose folders differ; calls within
 * a file are not seen. Also counted: the folder pairs those calls join, and the pairs that call each other both ways.
 * The simulated tenant, the capture connector and the test helpers run in the same process and
 * are left out.
 * Run: `npm run flows` (builds first), or `node scripts/flow-crossings.mjs [--json] [--write]`; `--write` replaces the
 * "Two flows, measured" section of docs/architecture.md with the output.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import console from 'node:console';
import { setTimeout } from 'node:timers';

const require = createRequire(import.meta.url);
const thisFile = fileURLToPath(import.meta.url);

const dist = path.resolve(process.cwd(), 'dist');
const srcRoot = path.join(dist, 'src') + path.sep;
const skipped = [path.join(srcRoot, 'simulator') + path.sep];
Error.stackTraceLimit = 60;

/** The flow being recorded: edges (caller → callee) and files in order of first entry. */
let flow;
const wrapped = new WeakSet();

function inSrc(file) {
  return file.startsWith(srcRoot) && !skipped.some((s) => file.startsWith(s));
}

function rel(file) {
  return path.relative(dist, file).replace(/\.js$/, '.ts');
}

function folderOf(relFile) {
  const parts = relFile.split('/');
  return parts.length > 2 ? parts[1] : '(root)';
}

/** The nearest src/ file on the stack below the wrapper. */
function callerFile() {
  const lines = new Error().stack.split('\n').slice(3);
  for (const line of lines) {
    const m = /\(?((?:\/[^:()]+)+\.js):\d+:\d+\)?$/.exec(line.trim());
    if (m && m[1] !== thisFile && inSrc(m[1])) return m[1];
  }
  return undefined;
}

function note(file) {
  if (!flow) return;
  const callee = rel(file);
  if (!flow.files.includes(callee)) flow.files.push(callee);
  const caller = callerFile();
  if (caller && caller !== file) flow.edges.add(`${rel(caller)} -> ${callee}`);
}

function wrapFunction(fn, file) {
  const w = function (...args) {
    note(file);
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  };
  Object.defineProperty(w, 'name', { value: fn.name });
  return w;
}

function wrapExports(exports, file) {
  if (!exports || (typeof exports !== 'object' && typeof exports !== 'function') || wrapped.has(exports))
    return;
  wrapped.add(exports);
  for (const key of Object.keys(exports)) {
    const d = Object.getOwnPropertyDescriptor(exports, key);
    if (!d || !('value' in d) || typeof d.value !== 'function' || !d.writable) continue;
    const fn = d.value;
    if (/^class\b/.test(Function.prototype.toString.call(fn))) {
      for (const m of Object.getOwnPropertyNames(fn.prototype)) {
        const md = Object.getOwnPropertyDescriptor(fn.prototype, m);
        if (m !== 'constructor' && md && typeof md.value === 'function' && md.writable)
          fn.prototype[m] = wrapFunction(md.value, file);
      }
    } else exports[key] = wrapFunction(fn, file);
  }
}

const require0 = Module.prototype.require;
Module.prototype.require = function (id) {
  const exports = require0.call(this, id);
  if (id.startsWith('.') || id.startsWith('/')) {
    const file = Module._resolveFilename(id, this);
    if (inSrc(file)) wrapExports(exports, file);
  }
  return exports;
};

function load(p) {
  return require(path.join(dist, p));
}

async function record(name, run) {
  flow = { files: [], edges: new Set() };
  await run();
  const result = flow;
  flow = undefined;
  const crossings = [...result.edges].filter((e) => {
    const [a, b] = e.split(' -> ');
    return folderOf(a) !== folderOf(b);
  });
  const pairs = new Set(crossings.map((e) => e.split(' -> ').map(folderOf).join(' -> ')));
  const twoWay = [...pairs].filter((p) => pairs.has(p.split(' -> ').reverse().join(' -> ')));
  return {
    name,
    files: result.files,
    crossings: crossings.sort(),
    folderPairs: [...pairs].sort(),
    twoWay: twoWay.sort(),
  };
}

/** A flow as markdown: its counts and its files. */
function describe(f) {
  const counts =
    `${f.files.length} files; ${f.crossings.length} calls from a file into another folder's file, ` +
    `${f.folderPairs.length} folder pairs (${f.twoWay.length} calling each other${f.twoWay.length ? `: ${f.twoWay.join(', ')}` : ''}).`;
  return [`**${f.name}**: ${counts}`, '', ...f.files.map((file, i) => `${i + 1}. \`${file}\``)].join('\n');
}

async function main() {
  const { startSimulator } = load('src/simulator');
  const { startBot } = load('src/start-bot');
  const { demoIdentityEnv } = load('src/dev/demo-identity-env');
  const { CaptureConnector } = load('test/helpers/capture-connector');
  const { activity } = load('test/helpers/activities');
  const TENANT = '00000000-0000-4000-8000-000000000001';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulse-flows-'));
  const clock = Date.parse('2026-11-25T10:02:00Z');
  const sim = await startSimulator({ now: () => new Date(clock) });
  const connector = new CaptureConnector();
  const serviceUrl = await connector.start();
  const silent = new Writable({ write: (_c, _e, done) => done() });
  const env = {
    PORT: '0',
    LOG_LEVEL: 'warn',
    STORE_PATH: path.join(dir, 'pulse.db'),
    ...demoIdentityEnv(sim, TENANT),
  };
  const bot = await startBot(env, {
    logDestination: silent,
    typingIndicator: false,
    monitor: false,
    now: () => clock,
  });
  const post = async (body) => {
    const res = await globalThis.fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res;
  };
  const say = async (text, scope = 'personal') => {
    const res = await post(activity(serviceUrl, { text, scope }));
    if (res.status !== 200) throw new Error(`${text} answered ${res.status}`);
  };
  try {
    await say('help');
    const chat = await record('chat status (first turn: sign-in, Graph, status card)', () => say('status'));
    await post(
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: 'bot' }] }),
    );
    await say('subscribe exchange', 'channel');
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 120,
      tenantId: TENANT,
    });
    const posted = () =>
      connector.calls.some((c) => c.method === 'POST' && JSON.stringify(c.body).includes('alert.details'));
    const cycle = await record(
      'monitor cycle (one tenant, an Exchange incident opens, card queued and sent)',
      async () => {
        await bot.monitor.runOnce();
        for (let i = 0; i < 100 && !posted(); i++) await new Promise((r) => setTimeout(r, 100));
      },
    );
    if (!posted()) {
      console.error(
        connector.calls.map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body).slice(-600)}`).join('\n'),
      );
      throw new Error('the monitor cycle posted no alert card: the traced flow is not the one described');
    }
    const flows = [chat, cycle];
    if (process.argv.includes('--json')) console.log(JSON.stringify(flows, null, 2));
    else console.log(flows.map(describe).join('\n\n'));
    if (process.argv.includes('--write')) {
      const { writeSection } = load('bench/support/markdown-section');
      const intro =
        'Measured by `npm run flows` (`scripts/flow-crossings.mjs`): every exported function and class method of ' +
        '`src/` is wrapped, and each call records its caller file and its own. Listed: the files each flow enters, in ' +
        'order of first entry; counted: calls from a file into a file of another folder (distinct pairs of files), ' +
        'the folder pairs they join, and folder pairs that call each other both ways.';
      await writeSection(
        path.resolve('docs/architecture.md'),
        'Two flows, measured',
        [intro, ...flows.map(describe)].join('\n\n'),
      );
    }
  } finally {
    await bot.close();
    await connector.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
