import { fork } from 'node:child_process';
import path from 'node:path';
import type { SimulatorCounters } from '../../src/simulator';

/** A simulator in its own process whose clock the benchmark moves (see `sim-clock-process.ts`). */
export interface SimClock {
  url: string;
  /** Moves the simulator's clock forward; resolves to its new time (ms). */
  advance(ms: number): Promise<number>;
  /** App-only Graph tokens with every permission, one per tenant, minted by the simulator's Entra emulator. */
  tokens(tenants: readonly string[]): Promise<Record<string, string>>;
  counters(): Promise<SimulatorCounters>;
  stop(): Promise<void>;
}

/** Forks `dist/bench/support/sim-clock-process.js` with its clock at `startMs` and waits until it listens. */
export function startSimClock(startMs: number, latencyMs = 0): Promise<SimClock> {
  const child = fork(path.join(__dirname, 'sim-clock-process.js'), [String(startMs), String(latencyMs)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  child.on('message', (m: { id: number; result: unknown }) => {
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  const ask = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (r: unknown) => void);
      child.send({ id, ...message });
    });
  return new Promise<SimClock>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('simulator did not start within 10 s')), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`simulator exited with code ${code}`)));
    waiting.set(0, (url) => {
      clearTimeout(timer);
      resolve({
        url: url as string,
        advance: (ms) => ask<number>({ op: 'advance', ms }),
        tokens: (tenants) => ask<Record<string, string>>({ op: 'tokens', tenants: [...tenants] }),
        counters: () => ask<SimulatorCounters>({ op: 'counters' }),
        stop: async () => {
          child.disconnect();
          await exited;
        },
      });
    });
  });
}
