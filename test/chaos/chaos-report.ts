import type { ChaosOptions, ChaosReport } from './chaos-run';
import type { ProxyFaults } from './fault-proxy';

const pct = (v?: number) => `${Math.round((v ?? 0) * 100)} %`;
const rates = (f: ProxyFaults) =>
  [
    f.throttleRate ? `429 ${pct(f.throttleRate)} (Retry-After ${f.retryAfterSeconds ?? 1} s)` : '',
    f.errorRate ? `${(f.errorStatuses ?? [503]).join('/')} ${pct(f.errorRate)}` : '',
    f.resetRate ? `resets ${pct(f.resetRate)}` : '',
    f.slowRate ? `held ${f.slowMs ?? 2_000} ms ${pct(f.slowRate)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
const count = (r: Record<string, number>) =>
  Object.entries(r)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ') || 'none';

/** Nearest-rank percentile of a non-empty sample. */
function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** The run as markdown: what was injected, what was delivered, the invariants, the delays. */
export function chaosReportMarkdown(name: string, o: Omit<ChaosOptions, 'log'>, r: ChaosReport): string {
  const d = (what: string) => r.delays.filter((x) => x.what === what).map((x) => x.ms / 1000);
  const row = (what: string, label: string) => {
    const xs = d(what);
    return xs.length
      ? `| ${label} | ${xs.length} | ${percentile(xs, 0.5).toFixed(1)} | ${percentile(xs, 0.99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`
      : `| ${label} | 0 | – | – | – |`;
  };
  return [
    `**${name}**: ${r.rounds} rounds, ${(r.wallMs / 1000).toFixed(0)} s of wall time, ${r.simulatedMinutes} simulated minutes, ${r.instancesStarted} bot processes started in all.`,
    '',
    '| | Injected |',
    '| - | - |',
    `| Storage (proxy in front of Azurite) | ${rates(o.store)}: ${count(r.faults.store)} |`,
    `| Graph (proxy in front of the simulated tenant) | ${rates(o.graph)}: ${count(r.faults.graph)}; malformed bodies ${pct(o.graphMalformedRate)}: ${r.graphFaultsBySimulator} |`,
    `| Connector (proxy in front of the capture connector) | ${rates(o.connector)}: ${count(r.faults.connector)} |`,
    `| Instances | SIGKILL of the tenant's owner mid-delivery (its post held at the connector): ${r.kills.midDelivery}; mid-cycle (its Graph call held): ${r.kills.midCycle}; each replaced by a new process |`,
    '',
    '| Cards expected | Cards posted | Duplicates | Lost | Updates | Out of order | To unknown messages | Not ending resolved | Pending at end | Dead letters | Over Teams limits |',
    '| -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: |',
    `| ${r.cardsExpected} | ${r.cardsPosted} | ${r.duplicates} | ${r.lost} | ${r.updates} | ${r.updatesOutOfOrder} | ${r.updatesToUnknownMessages} | ${r.cardsNotResolved} | ${r.pendingAtEnd} | ${r.deadLetters} | ${r.rateLimitBreaches} |`,
    '',
    '| Delivery under faults | n | p50 s | p99 s | max s |',
    '| - | -: | -: | -: | -: |',
    row('post', 'Incident started → its card posted'),
    row('ack', 'Acknowledge pressed → card updated'),
    row('resolve', 'Incident over (clock moved on) → card updated to resolved'),
    '',
    r.memory.length
      ? `Memory (RSS) of the instances that lived through the whole run: ${r.memory.map((m) => `${m.name} ${m.startMiB.toFixed(0)} → ${m.endMiB.toFixed(0)} MiB`).join(', ')}.`
      : 'No instance lived through the whole run (each was killed and replaced), so no memory trend.',
    '',
    r.violations.length ? `**Invariants violated:** ${r.violations.join('; ')}.` : 'Every invariant held.',
  ].join('\n');
}
