import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import { defaultRulesFor, type Rule } from '../../src/monitor/rules';
import {
  clearBucketsFor,
  limitsFor,
  quietBucketsFor,
  STATE_COUNT_FNS,
  volumeFloor,
} from '../../src/monitor/thresholds';
import { defaultRule, fnOf } from './fixtures';

describe('thresholds, hysteresis and volume floors', () => {
  it('derives fire and clear levels per rule kind', () => {
    const table: { rule: Rule; unit: 'count' | 'percent'; fire: number; clear: number; floor: number }[] = [
      { rule: defaultRule('mail-delivery'), unit: 'count', fire: 50, clear: 35, floor: 36 },
      { rule: defaultRule('mfa-failure'), unit: 'count', fire: 100, clear: 70, floor: 20 },
      { rule: defaultRule('exchange-connectivity'), unit: 'percent', fire: 95, clear: 96, floor: 0 },
      {
        rule: defaultRule('exchange-connectivity', { threshold: 99.5 }),
        unit: 'percent',
        fire: 99.5,
        clear: 99.75,
        floor: 0,
      },
      {
        rule: defaultRule('teams-qoe', { kind: 'above', threshold: 5 }),
        unit: 'percent',
        fire: 5,
        clear: 4,
        floor: 0,
      },
      { rule: defaultRule('gsa-tunnel-disconnected'), unit: 'count', fire: 0, clear: 0, floor: 0 },
      {
        rule: defaultRule('mail-delivery', { kind: 'below', threshold: 100 }),
        unit: 'count',
        fire: 100,
        clear: 110,
        floor: 0,
      },
      {
        rule: defaultRule('mail-delivery', { kind: 'above', threshold: 100 }),
        unit: 'count',
        fire: 100,
        clear: 90,
        floor: 0,
      },
      {
        rule: defaultRule('teams-qoe', { kind: 'drop', threshold: 10 }),
        unit: 'percent',
        fire: 10,
        clear: 7,
        floor: 0,
      },
    ];
    for (const { rule, unit, fire, clear, floor } of table) {
      const l = limitsFor(rule, unit);
      assert.deepEqual(
        [l.fire, +l.clear.toFixed(6), l.floor],
        [fire, clear, floor],
        `${rule.id} ${rule.kind} ${rule.threshold}`,
      );
    }
  });

  it('keeps drop and rise floors above Poisson noise, and minCount can only raise them', () => {
    const drop = (threshold: number, minCount?: number) =>
      volumeFloor(
        defaultRule('teams-chat', { threshold, ...(minCount === undefined ? {} : { minCount }) }),
        'count',
      );
    assert.deepEqual(
      [drop(50), drop(80), drop(30), drop(100), drop(50, 100), drop(50, 5)],
      [36, 15, 100, 10, 100, 36],
    );
    const rise = (threshold: number, minCount?: number) =>
      volumeFloor(
        defaultRule('mfa-failure', { threshold, ...(minCount === undefined ? {} : { minCount }) }),
        'count',
      );
    assert.deepEqual([rise(100), rise(50), rise(500), rise(100, 5)], [20, 54, 20, 18]);
    assert.equal(
      volumeFloor(defaultRule('mail-delivery', { minCount: undefined }), 'count'),
      36,
      'no minCount: default 10, noise 36',
    );
  });

  it('uses minCount alone for state counts (branches, tunnels, BGP sessions)', () => {
    for (const fn of STATE_COUNT_FNS)
      assert.ok(
        METRICS.some((m) => m.fn === fn),
        fn,
      );
    assert.equal(volumeFloor(defaultRule('gsa-branches-alive'), 'count'), 10);
    assert.equal(volumeFloor(defaultRule('gsa-branches-alive', { minCount: 1 }), 'count'), 1);
  });

  it('resolves after max(2, forBuckets) clear or max(6, 3 × forBuckets) quiet buckets', () => {
    assert.deepEqual(
      [1, 2, 3, 6].map((n) => clearBucketsFor({ forBuckets: n })),
      [2, 2, 3, 6],
    );
    assert.deepEqual(
      [1, 2, 3, 6].map((n) => quietBucketsFor({ forBuckets: n })),
      [6, 6, 9, 18],
    );
  });

  it('gives every catalog default a fire level strictly past its clear level', () => {
    const rules = defaultRulesFor(
      METRICS.map((m) => m.fn),
      { tenantId: 't', createdBy: { id: 'x', name: 'x' }, createdAt: '' },
    );
    for (const rule of rules) {
      const unit = METRICS.find((m) => m.fn === rule.fn)!.unit;
      const l = limitsFor(rule, unit);
      if (rule.kind === 'below') assert.ok(l.clear > l.fire, rule.id);
      if (rule.kind === 'above') assert.ok(l.clear <= l.fire, rule.id);
      if (rule.kind === 'drop' || rule.kind === 'rise') assert.ok(l.clear < l.fire, rule.id);
    }
    assert.equal(fnOf('mail-delivery'), 'getMessageVolumeMetricsForEmailDelivery');
  });
});
