import assert from 'node:assert/strict';
import sinon from 'sinon';
import { evaluationEvent } from '../../src/monitor/alert-events';
import { transition } from '../../src/monitor/alert-state';
import { evaluate, type Evaluation } from '../../src/monitor/evaluate-rule';
import { muteRule } from '../../src/monitor/rules';
import { defaultRule, handSeries, MINUTE, WEEK } from './fixtures';

describe('evaluation events', () => {
  const rule = defaultRule('mail-delivery');
  const evaluation = (state: Evaluation['state']): Evaluation => ({
    state,
    value: 400,
    baseline: 1000,
    deviationPct: -60,
    asOf: '2026-11-24T10:00:00Z',
    buckets: [],
    reason: 'because',
  });

  it('maps evaluator states onto lifecycle results', () => {
    const table: [Evaluation['state'], string][] = [
      ['breach', 'breach'],
      ['healthy', 'healthy'],
      ['low-volume', 'healthy'],
      ['no-data', 'no-data'],
      ['insufficient-history', 'no-data'],
    ];
    for (const [state, result] of table)
      assert.equal(evaluationEvent(rule, evaluation(state)).result, result, state);
    assert.deepEqual(evaluationEvent(rule, evaluation('breach')), {
      type: 'evaluation',
      result: 'breach',
      tenantId: 'contoso',
      ruleId: 'default:mail-delivery',
      fn: 'getMessageVolumeMetricsForEmailDelivery',
      service: 'exchange',
      value: 400,
      baseline: 1000,
      reason: 'because',
    });
    const muted = muteRule(rule, { id: 'u', name: 'U' }, '2026-11-24T09:00:00Z');
    assert.deepEqual(evaluationEvent(muted, evaluation('breach')).muted, muted.muted);
  });

  it('depends on the `now` passed in, never on the wall clock', () => {
    const start = Date.parse('2026-11-24T10:00:00Z');
    const run = () => {
      const current = handSeries(rule.fn, start, [400, 400, 400]);
      const history = [1, 2].map((k) => handSeries(rule.fn, start - k * WEEK, [1000, 1000, 1000]));
      const e = evaluate(rule, { current, history, now: start + 12 * MINUTE });
      return { e, t: transition(undefined, evaluationEvent(rule, e), start + 12 * MINUTE) };
    };
    const real = run();
    const clock = sinon.useFakeTimers({ now: Date.parse('2031-01-01T00:00:00Z') });
    try {
      assert.deepEqual(run(), real);
      assert.equal(real.e.state, 'breach');
      assert.equal(real.e.asOf, '2026-11-24T10:05:00Z');
    } finally {
      clock.restore();
    }
  });
});
