import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';

/** Azurite's fixed development account key (public, documented by Microsoft; not a secret). */
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  accountName: string;
  accountKey: string;
  accountUrl: string;
  connectionString: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((p) => p.kill('SIGKILL')));

/** Starts azurite-blob in memory on a free loopback port and waits until it accepts connections. */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  // The same program node_modules/.bin/azurite-blob runs, started with this node so no shell or PATH is involved.
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      '--silent',
      '--inMemoryPersistence',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit').then(() => {
    throw new Error(`azurite-blob exited before listening: ${stderr.trim() || 'no output'}`);
  });
  await Promise.race([waitForPort(port, 15_000), exited]);
  exited.catch(() => undefined);
  const accountUrl = `http://127.0.0.1:${port}/devstoreaccount1`;
  return {
    port,
    accountName: 'devstoreaccount1',
    accountKey: DEV_KEY,
    accountUrl,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${accountUrl};`,
    async stop() {
      running.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`azurite-blob did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
