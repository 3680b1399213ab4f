import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import { fnsInScope } from '../../src/monitor/rule-scope';
import { describeRule } from '../../src/monitor/rule-text';
import {
  bucketsFor,
  customRule,
  defaultRulesFor,
  muteRule,
  unmuteRule,
  type CustomRuleSpec,
} from '../../src/monitor/rules';
import { fnOf } from './fixtures';

const ANA = { id: 'u-ana', name: 'Ana Lopez' };
const ORIGIN = { tenantId: 'contoso', createdBy: ANA, createdAt: '2026-11-27T09:00:00Z' };

function custom(spec: Partial<CustomRuleSpec> & { metric: string }) {
  const { metric, ...rest } = spec;
  return customRule({ ...ORIGIN, fn: fnOf(metric), kind: 'below', threshold: 1, ...rest });
}

describe('alert rules', () => {
  it('takes subscription defaults from the catalog, one per function', () => {
    const rules = defaultRulesFor([fnOf('mail-delivery'), fnOf('teams-udp'), fnOf('mail-delivery')], ORIGIN);
    assert.deepEqual(rules, [
      {
        id: 'default:mail-delivery',
        ...ORIGIN,
        fn: fnOf('mail-delivery'),
        kind: 'drop',
        threshold: 50,
        forBuckets: 2,
        minCount: 10,
        source: 'default',
      },
      {
        id: 'default:teams-udp',
        ...ORIGIN,
        fn: fnOf('teams-udp'),
        kind: 'below',
        threshold: 85,
        forBuckets: 2,
        source: 'default',
      },
    ]);
    assert.equal(defaultRulesFor(fnsInScope({ kind: 'all' }), ORIGIN).length, METRICS.length);
    assert.throws(
      () => defaultRulesFor(['getNothing'], ORIGIN),
      /No catalog metric has the function 'getNothing'/,
    );
  });

  it('covers all, a service, or one metric', () => {
    assert.equal(fnsInScope({ kind: 'all' }).length, 39);
    assert.deepEqual(fnsInScope({ kind: 'service', service: 'teams' }), [
      'getMessageVolumeMetricsForTeamsChat',
      'getUsageMetricsForTeamsByLaunch',
      'getUsageMetricsForTeamsByMeetingsJoined',
      'getAudioStreamQoEMetricsForTeams',
      'getAudioStreamsOverUdpMetricsForTeams',
    ]);
    assert.deepEqual(fnsInScope({ kind: 'metric', fn: fnOf('owa-read') }), [fnOf('owa-read')]);
  });

  it('builds watch rules with stable ids and the catalog defaults they leave out', () => {
    const below = custom({
      metric: 'teams-udp',
      kind: 'below',
      threshold: 80,
      forBuckets: 3,
      thresholdIsPercent: true,
    });
    assert.ok(below.ok);
    assert.deepEqual(below.rule, {
      id: 'custom:teams-udp:below:80',
      tenantId: 'contoso',
      fn: fnOf('teams-udp'),
      kind: 'below',
      threshold: 80,
      forBuckets: 3,
      source: 'custom',
      createdBy: ANA,
      createdAt: '2026-11-27T09:00:00Z',
    });
    const dropped = custom({ metric: 'meeting-joins', kind: 'drop', threshold: 30 });
    assert.ok(dropped.ok);
    assert.deepEqual(
      [dropped.rule.id, dropped.rule.forBuckets, dropped.rule.minCount],
      ['custom:meeting-joins:drop:30', 2, 10],
    );
    const riseOnDropMetric = custom({ metric: 'meeting-joins', kind: 'rise', threshold: 200 });
    assert.ok(riseOnDropMetric.ok);
    assert.equal(riseOnDropMetric.rule.minCount, undefined, "a drop's baseline floor is no floor for a rise");
  });

  it('rejects watch rules that do not fit the metric, saying what to write', () => {
    const table: [Partial<CustomRuleSpec> & { metric: string }, RegExp][] = [
      [
        { metric: 'teams-udp', threshold: 101 },
        /Audio over UDP is a percentage, so the level must be from 0 to 100, got 101/,
      ],
      [
        { metric: 'mail-delivery', threshold: 95, thresholdIsPercent: true },
        /Mail delivery is a count, not a percentage: use `watch mail-delivery drop 95%`/,
      ],
      [{ metric: 'mail-delivery', threshold: -1 }, /cannot be negative/],
      [
        { metric: 'mail-delivery', kind: 'drop', threshold: 0 },
        /A drop is a percentage from 1 to 100, e\.g\. `watch mail-delivery drop 50%`/,
      ],
      [{ metric: 'mail-delivery', kind: 'drop', threshold: 120 }, /from 1 to 100/],
      [{ metric: 'mfa-failure', kind: 'rise', threshold: 0 }, /A rise is a percentage above 0/],
      [{ metric: 'mail-delivery', threshold: NaN }, /must be a number/],
      [{ metric: 'mail-delivery', forBuckets: 0 }, /The duration must be 1 to 288 buckets/],
      [{ metric: 'mail-delivery', forBuckets: 1.5 }, /1 to 288/],
      [
        { metric: 'mail-delivery', kind: 'drop', threshold: 50, minCount: -3 },
        /minimum count must be a whole number/,
      ],
    ];
    for (const [spec, message] of table) {
      const r = custom(spec);
      assert.ok(!r.ok && message.test(r.error), `${JSON.stringify(spec)} → ${r.ok ? 'ok' : r.error}`);
    }
    const unknown = customRule({ ...ORIGIN, fn: 'getNothing', kind: 'drop', threshold: 50 });
    assert.deepEqual(unknown, { ok: false, error: "No metric has the function 'getNothing'." });
  });

  it('turns a `for` duration into buckets, rounding up', () => {
    assert.deepEqual(
      [bucketsFor(15, 5), bucketsFor(16, 5), bucketsFor(1, 15), bucketsFor(0, 5), bucketsFor(60, 15)],
      [3, 4, 1, 1, 4],
    );
  });

  it('mutes and unmutes without losing the first mute', () => {
    const [rule] = defaultRulesFor([fnOf('mail-delivery')], ORIGIN);
    const m = muteRule(rule, ANA, '2026-11-27T10:00:00Z');
    assert.deepEqual(m.muted, { by: ANA, at: '2026-11-27T10:00:00Z' });
    assert.equal(muteRule(m, { id: 'u-bo', name: 'Bo' }, 'later'), m);
    assert.deepEqual(unmuteRule(m), rule);
    assert.ok(!('muted' in unmuteRule(m)));
  });

  it('describes rules in one line for cards', () => {
    const [drop, udp, mfa, tunnels] = defaultRulesFor(
      ['mail-delivery', 'teams-udp', 'mfa-failure', 'gsa-tunnel-disconnected'].map(fnOf),
      ORIGIN,
    );
    assert.equal(
      describeRule(drop),
      'Mail delivery drops ≥ 50 % vs the usual level for 2 buckets (10 minutes), judged when usual ≥ 36',
    );
    assert.equal(describeRule(udp, 15), 'Audio over UDP below 85 % for 2 buckets (30 minutes)');
    assert.equal(
      describeRule(mfa),
      'MFA sign-in failures rises ≥ 100 % vs the usual level for 2 buckets (10 minutes), judged when the value ≥ 20',
    );
    assert.equal(
      describeRule({ ...tunnels, forBuckets: 12 }),
      'Remote networks: tunnels disconnected above 0 for 12 buckets (1 hour)',
    );
    assert.equal(
      describeRule(muteRule(udp, ANA, 'x')),
      'Audio over UDP below 85 % for 2 buckets (10 minutes) · muted by Ana Lopez',
    );
    assert.match(describeRule({ ...drop, fn: 'getRetired' }), /^getRetired drops ≥ 50 %/);
  });
});
