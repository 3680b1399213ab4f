import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { METRICS } from '../../src/domain/catalog';
import { repoRoot } from '../../src/graph/write-metrics-doc';
import { defaultRulesFor } from '../../src/monitor/rules';
import { clearBucketsFor, quietBucketsFor, ruleLimits, volumeFloor } from '../../src/monitor/thresholds';
import { defaultRule } from './fixtures';

describe('docs/alerts.md', () => {
  const doc = readFileSync(resolve(repoRoot(__dirname), 'docs/alerts.md'), 'utf8');
  const origin = { tenantId: 't', createdBy: { id: 'x', name: 'x' }, createdAt: '' };
  const rules = defaultRulesFor(
    METRICS.map((m) => m.fn),
    origin,
  );

  it('has the sections the detection core owns', () => {
    for (const h of ['## Rules and defaults', '## Detection', '### Low volume', '## Lifecycle'])
      assert.ok(doc.includes(`\n${h}\n`), h);
  });

  it('states the levels the evaluator derives for every catalog default', () => {
    for (const rule of rules) {
      const l = ruleLimits(rule);
      const row = (cells: string[]) =>
        assert.ok(
          cells.every((c) => doc.includes(c)),
          `${rule.id}: ${cells.join(' | ')}`,
        );
      const n = clearBucketsFor(rule);
      const q = quietBucketsFor(rule);
      if (rule.kind === 'drop' && l.floor !== 10)
        row([
          `drop < ${l.clear} % for ${n} buckets, or ${q} buckets without a breach`,
          `baseline ≥ ${l.floor}`,
        ]);
      if (rule.kind === 'drop' && l.floor === 10)
        row(['judged when the baseline is at least their `minCount` of 10']);
      if (rule.kind === 'rise')
        row([`rise < ${l.clear} % for ${n} buckets, or ${q} without a breach`, `value ≥ ${l.floor}`]);
      if (rule.kind === 'below') row([`\`below ${l.fire} %\``, `≥ ${l.clear} % for ${n} buckets`]);
      if (rule.kind === 'above') row([`\`above ${l.fire}\``, `${l.clear} down for ${n} buckets`]);
    }
  });

  it('quotes the noise floors as computed', () => {
    const drop = (t: number) =>
      volumeFloor(defaultRule('teams-chat', { threshold: t, minCount: 0 }), 'count');
    const rise = (t: number) =>
      volumeFloor(defaultRule('mfa-failure', { threshold: t, minCount: 0 }), 'count');
    assert.ok(doc.includes(`(50 % → ${drop(50)}, 80 % → ${drop(80)}, 30 % → ${drop(30)})`));
    assert.ok(doc.includes(`(100 % → ${rise(100)}, 50 % → ${rise(50)})`));
  });
});
