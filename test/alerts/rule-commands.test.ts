import assert from 'node:assert/strict';
import { readableAuditEntry } from '../../src/alerts/audit-target';
import { watchCommandFor } from '../../src/alerts/rule-commands';
import { scopeWords } from '../../src/alerts/subscription';
import { parseCommand } from '../../src/commands/parse';
import { METRICS, SERVICES } from '../../src/domain/catalog';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import type { SubscriptionScope } from '../../src/monitor/rule-scope';
import { customRule, defaultRulesFor } from '../../src/monitor/rules';
import { NOW, TENANT } from './helpers';

const origin = { tenantId: TENANT, createdBy: SYSTEM_ACTOR, createdAt: NOW.toISOString() };

describe('commands written back (Undo buttons, suggestions) parse to the same thing', () => {
  it('watchCommandFor: every default and a custom rule of each kind re-parse to the same rule', () => {
    const rules = [
      ...defaultRulesFor(
        METRICS.map((m) => m.fn),
        origin,
      ),
      ...METRICS.flatMap((m) =>
        (['below', 'above', 'drop', 'rise'] as const).flatMap((kind) => {
          const threshold = kind === 'drop' ? 35 : kind === 'rise' ? 250 : m.unit === 'percent' ? 97.5 : 1200;
          const r = customRule({ ...origin, fn: m.fn, kind, threshold, forBuckets: 7 });
          return r.ok ? [r.rule] : [];
        }),
      ),
    ];
    assert.ok(rules.length > 150);
    for (const rule of rules) {
      const text = watchCommandFor(rule);
      const r = parseCommand(text);
      assert.ok(
        r.ok && r.command.name === 'watch' && 'rule' in r.command,
        `${text}: ${r.ok ? '' : r.error.message}`,
      );
      const c = r.command.rule;
      assert.deepEqual(
        [c.fn, c.kind, c.threshold, c.forBuckets ?? rule.forBuckets],
        [rule.fn, rule.kind, rule.threshold, rule.forBuckets],
        text,
      );
      const back = customRule({
        ...origin,
        fn: c.fn,
        kind: c.kind,
        threshold: c.threshold,
        forBuckets: c.forBuckets,
        thresholdIsPercent: c.percent,
      });
      assert.ok(back.ok && back.rule.id === (rule.source === 'custom' ? rule.id : back.rule.id), text);
    }
  });

  it('scopeWords: every scope re-parses to itself for subscribe and unsubscribe', () => {
    const scopes: SubscriptionScope[] = [
      { kind: 'all' },
      ...SERVICES.map((s) => ({ kind: 'service' as const, service: s.id })),
      ...METRICS.map((m) => ({ kind: 'metric' as const, fn: m.fn })),
    ];
    for (const scope of scopes) {
      for (const name of ['subscribe', 'unsubscribe'] as const) {
        const text = `${name} ${scopeWords(scope)}`;
        const r = parseCommand(text);
        assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
        assert.deepEqual(r.command, { name, scope }, text);
      }
    }
  });

  it('readableAuditEntry names this conversation and incidents by metric, and keeps rule ids', () => {
    const entry = {
      tenantId: TENANT,
      at: NOW.toISOString(),
      by: SYSTEM_ACTOR,
      action: 'mute' as const,
      detail: '',
    };
    const read = (target: string) => readableAuditEntry({ ...entry, target }, '19:here').target;
    assert.equal(read('19:here'), 'this conversation');
    assert.equal(
      read(`${TENANT}|default:teams-udp|getAudioStreamsOverUdpMetricsForTeams#3`),
      'the Audio over UDP alert #3',
    );
    assert.equal(read('custom:teams-udp:below:80'), 'custom:teams-udp:below:80');
    assert.equal(read('a|b|getNothing#1'), 'a|b|getNothing#1');
  });
});
