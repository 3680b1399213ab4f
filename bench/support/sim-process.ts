import { spawn } from 'node:child_process';
import path from 'node:path';

/** A simulator running in its own process, as Graph would be: its CPU work does not share our event loop. */
export interface SimProcess {
  url: string;
  /** Simulator counters (`GET /_sim/state`). */
  counters(): Promise<{ requests: number; graphCalls: number; batches: number; throttled: number }>;
  stop(): Promise<void>;
}

/** Starts `dist/src/simulator/main.js --port 0 --latency L` and waits for its "listening on" line. */
export function startSimProcess(latencyMs: number): Promise<SimProcess> {
  const main = path.resolve(__dirname, '..', '..', 'src', 'simulator', 'main.js');
  const child = spawn(process.execPath, [main, '--port', '0', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<SimProcess>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`simulator did not start within 10 s:\n${out}`)), 10_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(e);
    };
    child.once('error', fail);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const url = m[1];
      resolve({
        url,
        counters: async () =>
          ((await (await fetch(`${url}/_sim/state`)).json()) as { counters: never }).counters,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
