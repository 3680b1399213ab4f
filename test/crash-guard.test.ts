import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ContainerClient } from '@azure/storage-blob';
import { freePartitions } from '../src/store/partitions/partition-blobs';
import { startAzurite, type Azurite } from './store/azurite';

interface Crashed {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: Record<string, unknown>[];
}

/**
 * Runs the production entry point (`dist/src/index.js`) as its own process with `env`, waits until it listens, makes
 * it fail through test/helpers/crash-preload (SIGUSR2), and resolves with how it exited and what it logged.
 */
async function runAndCrash(env: Record<string, string>): Promise<Crashed> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      path.join(__dirname, 'helpers', 'crash-preload.js'),
      path.join(__dirname, '..', 'src', 'index.js'),
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit');
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const listening = new Promise<void>((resolve) =>
    createInterface({ input: child.stdout! }).on('line', (text) => {
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (line.msg === 'M365 Pulse is listening') resolve();
      } catch {
        lines.push({ msg: text });
      }
    }),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    await Promise.race([
      listening,
      exited.then(() => {
        throw new Error(`exited before listening: ${stderr}`);
      }),
    ]);
    child.kill('SIGUSR2');
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    return { code, signal, lines };
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

describe('process safety: an unexpected error is logged with a correlation id, then a graceful stop and exit 1', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'pulse-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an uncaught exception: fatal log line with a correlation id, the graceful stop runs, exit code 1', async () => {
    const r = await runAndCrash({ STORE_PATH: path.join(dir, 'pulse.db'), PULSE_TEST_CRASH: 'exception' });
    assert.equal(r.signal, null);
    assert.equal(r.code, 1);
    const fatal = r.lines.find((l) => l.level === 60);
    assert.ok(fatal, JSON.stringify(r.lines));
    assert.equal(fatal.kind, 'uncaughtException');
    assert.match(String(fatal.correlationId), /^[0-9a-f-]{36}$/);
    assert.match(JSON.stringify(fatal.err), /injected uncaught exception/);
    const after = r.lines.slice(r.lines.indexOf(fatal));
    assert.ok(
      after.some((l) => l.msg === 'stopped'),
      'the graceful stop ran to its end',
    );
  });

  describe('on Azure Blob Storage (Azurite)', () => {
    let azurite: Azurite;
    before(async () => (azurite = await startAzurite()));
    after(() => azurite.stop());

    it('an unhandled rejection: logged, partition leases released before the non-zero exit', async () => {
      const container = 'crash-guard';
      const r = await runAndCrash({
        STORE: 'azure-blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: container,
        MONITOR_PARTITIONS: '8',
        LEASE_SECONDS: '60',
      });
      assert.equal(r.code, 1);
      const fatal = r.lines.find((l) => l.level === 60);
      assert.equal(fatal?.kind, 'unhandledRejection');
      assert.match(String(fatal?.correlationId), /^[0-9a-f-]{36}$/);
      assert.ok(
        r.lines.some((l) => l.msg === 'monitor partitions owned' && (l.partitions as number[]).length === 8),
        'it held every partition',
      );
      // Released at the stop: free now, not after the 60 s a crash (SIGKILL) would leave them leased for.
      const free = await freePartitions(new ContainerClient(azurite.connectionString, container), 8);
      assert.equal(free.length, 8);
    });
  });
});
