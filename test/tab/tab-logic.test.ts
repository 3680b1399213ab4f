import assert from 'node:assert/strict';
import { metricById } from '../../src/domain/catalog';
import type { Series } from '../../src/domain/series';
import { metricView } from '../../src/tab/metric-view';
import { rangeWindow } from '../../src/tab/ranges';
import { UserRateLimit } from '../../src/tab/rate-limit';
import { parseFilter } from '../../src/tab/tab-api';

const WEEK = 7 * 24 * 3_600_000;

describe('tab: per-user rate limit (the documented worked examples)', () => {
  it('lets a burst of 60 through, refuses the rest with Retry-After 1 s, and refills one a second', () => {
    let now = 0;
    const limit = new UserRateLimit(60, 60, () => now);
    const answers = Array.from({ length: 100 }, () => limit.take('t|adele'));
    assert.equal(answers.filter((a) => a.ok).length, 60);
    assert.deepEqual(answers[60], { ok: false, retryAfterSeconds: 1 });
    now += 1_000;
    assert.equal(limit.take('t|adele').ok, true);
    assert.equal(limit.take('t|adele').ok, false);
    assert.equal(limit.take('t|megan').ok, true, 'another user has their own bucket');
    now += 60_000;
    assert.equal(Array.from({ length: 61 }, () => limit.take('t|adele')).filter((a) => a.ok).length, 60);
  });

  it('keeps a dashboard of 20 charts refreshing every minute well inside the budget', () => {
    let now = 0;
    const limit = new UserRateLimit(60, 60, () => now);
    for (let minute = 0; minute < 10; minute++, now += 60_000)
      for (let i = 0; i < 21; i++) assert.equal(limit.take('t|adele').ok, true, `minute ${minute}`);
  });
});

describe('tab: chart of a range from one series with four weeks of history', () => {
  const metric = metricById('mail-delivery')!;
  const window = rangeWindow('6h', Date.parse('2026-12-04T12:07:00Z'));
  const step = 15 * 60_000;
  /** value = 1000 + weeks back × 100 + bucket index, so every line is recognisable. */
  const points: { t: string; v: number }[] = [];
  for (let k = 4; k >= 0; k--)
    for (let t = window.start - k * WEEK, i = 0; t < window.end - k * WEEK; t += step, i++)
      if (!(k === 0 && i === 3)) points.push({ t: new Date(t).toISOString(), v: 1000 + k * 100 + i });
  const all: Series = {
    fn: metric.fn,
    intervalMinutes: 15,
    start: new Date(window.start - 4 * WEEK).toISOString(),
    end: new Date(window.end).toISOString(),
    points,
    gaps: [],
  };

  it('ends at the newest complete bucket, like m365-pulse query --last 6h', () => {
    assert.equal(new Date(window.end).toISOString(), '2026-12-04T12:00:00.000Z');
    assert.equal(window.end - window.start, 6 * 3_600_000);
  });

  it('aligns this period, last week and the median of weeks 1 to 4 on the range buckets; a gap stays null', () => {
    const view = metricView(metric, '6h', window, all, []);
    assert.equal(view.times.length, 24);
    assert.equal(view.values[0], 1000);
    assert.equal(view.values[3], null);
    assert.equal(view.lastWeek[5], 1105);
    assert.equal(view.baseline[5], 1255, 'median of 1105, 1205, 1305 and 1405');
    assert.equal(view.metric.id, 'mail-delivery');
  });
});

describe('tab: view filter from the query', () => {
  it('accepts a service group or metric ids, and names what it does not know', () => {
    assert.deepEqual(parseFilter({ service: 'exchange' }), { service: 'exchange' });
    assert.deepEqual(parseFilter({ metrics: 'mail-delivery, mfa-success' }), {
      metrics: ['mail-delivery', 'mfa-success'],
    });
    assert.deepEqual(parseFilter({ service: 'mail' }), { error: "No service group 'mail'." });
    assert.deepEqual(parseFilter({ metrics: 'mail-delivery,nope' }), { error: "No metric 'nope'." });
  });
});
