/**
 * The chaos suite's long form (`npm run chaos`): three bot processes on Azurite behind fault proxies, the simulated
 * tenant and a capture connector, six rounds of incidents with harsher faults than the short form `npm test` runs
 * (test/chaos/chaos.test.ts), owners SIGKILLed mid-delivery and mid-cycle. Writes the "Chaos suite" section of
 * docs/benchmarks.md and exits 1 when an invariant broke. Run: `node dist/bench/chaos.js [--short] [--no-write]`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHAOS_PROFILES } from '../test/chaos/chaos-profiles';
import { chaosReportMarkdown } from '../test/chaos/chaos-report';
import { runChaos } from '../test/chaos/chaos-run';
import { writeSection } from './support/markdown-section';

const { values: args } = parseArgs({
  options: { short: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false } },
});

async function main(): Promise<void> {
  const name = args.short ? 'short' : 'long';
  const profile = CHAOS_PROFILES[name];
  const report = await runChaos({ ...profile, log: (l) => console.log(l) });
  const body = [
    'Three bot processes (`dist/test/helpers/bot-main.js`, demo identity, 5 s cycle, 15 s leases) share one Azurite',
    'container; fault proxies (`test/chaos/fault-proxy.ts`) sit in front of Azurite, the simulated tenant’s Graph and a',
    'capture connector, so every store, Graph and Bot Connector request can be refused (before the service sees it),',
    'reset, held or throttled; the simulator also truncates some Graph bodies. Each round starts an Exchange and a Teams',
    'incident (cards to a channel subscribed to both and a group chat subscribed to Exchange), acknowledges the Exchange',
    'card through whichever instance answers, moves the shared clock two hours on so both resolve, and SIGKILLs the',
    'tenant’s owner twice: while its post is held at the connector, and while its Graph call is held mid-cycle (a new',
    'process replaces it each time). Then faults stop, the outbox drains, and every call the connector accepted is',
    'checked against the card references in the store: each post tracked by exactly one reference (else a duplicate),',
    'each expected card posted (else lost), each update on a posted message of its conversation, never going back from',
    'resolved to acknowledged to firing, every card ending resolved, nothing pending, no dead letter, and Teams’',
    'per-conversation limits (7/1 s, 8/2 s, 60/30 s) kept.',
    '',
    'The short form runs inside `npm test` (`test/chaos/chaos.test.ts`, 5-minute limit); `npm run chaos`',
    '(`bench/chaos.ts`) runs the long form (6 rounds, about twice the fault rates) and rewrites this section.',
    '',
    chaosReportMarkdown(`${name} form`, profile, report),
    '',
    'What the suite does not cover: a process killed between Teams accepting a post and the first write of its id (see',
    '"Delivery crash window") posts that card again; the kills here hold the post so the connector never accepts it.',
    'Memory is sampled at the start and end of the faults only; a run of minutes shows no growth, not a trend.',
  ].join('\n');
  console.log(body);
  if (!args['no-write'])
    await writeSection(path.join(__dirname, '..', '..', 'docs', 'benchmarks.md'), 'Chaos suite', body);
  if (report.violations.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
