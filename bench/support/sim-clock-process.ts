/**
 * A simulated tenant on a clock the parent moves (forked by `sim-clock.ts`), so a benchmark can run a monitor cycle
 * "5 minutes later" without waiting, while the simulator's CPU stays out of the parent's `process.cpuUsage()`.
 * Messages: `{ id, op: 'advance', ms }`, `{ id, op: 'tokens', tenants }`, `{ id, op: 'counters' }`; each is answered
 * with `{ id, result }`.
 */
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator } from '../../src/simulator';

type Request =
  | { id: number; op: 'advance'; ms: number }
  | { id: number; op: 'tokens'; tenants: string[] }
  | { id: number; op: 'counters' };

async function main(): Promise<void> {
  let clock = Number(process.argv[2]);
  const latencyMs = Number(process.argv[3] ?? 0);
  if (!Number.isFinite(clock)) throw new Error('usage: sim-clock-process <start ms> [latency ms]');
  const sim = await startSimulator({ port: 0, latencyMs, now: () => new Date(clock), requestLogSize: 1 });
  process.on('message', (m: Request) => {
    let result: unknown;
    if (m.op === 'advance') result = clock += m.ms;
    else if (m.op === 'tokens')
      result = Object.fromEntries(
        m.tenants.map((tenantId) => [
          tenantId,
          sim.issueGraphToken({ tenantId, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
        ]),
      );
    else result = sim.counters;
    process.send?.({ id: m.id, result });
  });
  process.once('disconnect', () => void sim.close().then(() => process.exit(0)));
  process.send?.({ id: 0, result: sim.url });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
