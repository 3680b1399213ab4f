import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection } from 'node:net';

/** Azurite's fixed development account key (public, documented by Microsoft; not a secret). */
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * azurite-blob on a given loopback port, keeping its data in `location`, so a test can stop it (the store becomes
 * unreachable) and start it again on the same port with the same blobs, as a storage outage would look.
 */
export class AzuriteOnDisk {
  private child?: ChildProcess;

  constructor(
    readonly port: number,
    private readonly location: string,
  ) {}

  get connectionString(): string {
    const url = `http://127.0.0.1:${this.port}/devstoreaccount1`;
    return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${url};`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        require.resolve('azurite/dist/src/blob/main.js'),
        '--silent',
        '--location',
        this.location,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(this.port),
        '--skipApiVersionCheck',
        '--loose',
        '--disableTelemetry',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 15_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`azurite-blob exited: ${stderr.trim() || 'no output'}`);
      if (Date.now() > deadline) throw new Error(`azurite-blob did not listen on ${this.port} within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    await gone;
    clearTimeout(timer);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
