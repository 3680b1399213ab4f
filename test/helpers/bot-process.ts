import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A bot running as its own process (`bot-main.js`), with its JSON log lines collected as they arrive. */
export interface BotProcess {
  name: string;
  url: string;
  pid: number;
  /** Every JSON line the process printed on stdout (pino log records and bot-main's own). */
  readonly lines: Record<string, unknown>[];
  /** True once the process has exited (for whatever reason). */
  exited(): boolean;
  /** The partitions its monitor last reported owning (`monitor partitions owned`); empty before any. */
  partitions(): number[];
  /** Resolves with the first line (past or future) that `match` accepts; rejects after `timeoutMs`. */
  waitForLine(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** SIGKILL, as a crash: no lease is released, nothing is flushed. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close: leases released), SIGKILL after `graceMs`. Resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** Kills (SIGKILL) every bot process this test process started and has not stopped; for `after` hooks. */
export async function killAllBots(): Promise<void> {
  await Promise.all([...running].map((c) => terminate(c, 'SIGKILL', 0)));
}

/**
 * Spawns `node dist/test/helpers/bot-main.js` with exactly `env` (plus PATH, HOME and TMPDIR, so nothing of the
 * test runner's environment leaks in) and resolves once it prints its URL. `PORT` defaults to 0.
 */
export async function spawnBot(
  name: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(__dirname, 'bot-main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TMPDIR: process.env.TMPDIR ?? '/tmp',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const gone = once(child, 'exit').then(() => running.delete(child));
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<(line: Record<string, unknown>) => void>();
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      line = { msg: text };
    }
    lines.push(line);
    waiters.forEach((w) => w(line));
  });

  const waitForLine = (match: (line: Record<string, unknown>) => boolean, limit = 30_000) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const waiter = (line: Record<string, unknown>) => {
        if (!match(line)) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`bot ${name}: no matching log line within ${limit} ms`));
      }, limit);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
    });
  };

  const listening = waitForLine((l) => l.msg === 'bot-main listening', timeoutMs);
  const died = gone.then(() => {
    throw new Error(`bot ${name} exited before listening: ${stderr.trim() || 'no output'}`);
  });
  let url: string;
  try {
    url = String((await Promise.race([listening, died])).url);
  } catch (e) {
    await terminate(child, 'SIGKILL', 0);
    throw e;
  }
  died.catch(() => undefined);

  return {
    name,
    url,
    pid: child.pid!,
    lines,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    partitions: () => {
      const last = lines.filter((l) => l.msg === 'monitor partitions owned').at(-1);
      return (last?.partitions as number[] | undefined) ?? [];
    },
    waitForLine,
    kill: () => terminate(child, 'SIGKILL', 0),
    stop: (graceMs = 10_000) => terminate(child, 'SIGTERM', graceMs),
  };
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, 'exit');
  child.kill(signal);
  const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
  running.delete(child);
}
