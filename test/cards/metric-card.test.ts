import assert from 'node:assert/strict';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { buildMetricCard, MAX_CHART_POINTS } from '../../src/cards/metric-card';
import type { SeriesReport } from '../../src/graph/metrics-reader';
import { WEEK_MS } from '../../src/domain/time';
import { assertGolden } from './golden';
import { level, NOW, series } from './synthetic';

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const UDP = 'getAudioStreamsOverUdpMetricsForTeams';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const END_15 = Date.parse('2026-11-27T14:15:00Z');
const END_5 = Date.parse('2026-11-27T14:20:00Z');

/** Last 6 hours of mail delivery: a 70 % drop in the last hour and two missing buckets, vs last week. */
function sixHours(): SeriesReport {
  const start = END_15 - 6 * HOUR;
  return {
    series: series(
      MAIL,
      start,
      END_15,
      15,
      (t) => Math.round(level(MAIL, t) * (t >= END_15 - HOUR ? 0.3 : 1)),
      (_, i) => i === 5 || i === 6,
    ),
    lastWeek: series(MAIL, start - WEEK_MS, END_15 - WEEK_MS, 15, (t) => level(MAIL, t)),
    notes: [],
  };
}

/** The largest window: 30 days at 5 minutes (8,640 buckets) with last week's (clamped to 23 days by Graph's 30). */
function thirtyDays(): SeriesReport {
  const start = END_5 - 30 * DAY;
  const lastWeekStart = start + 7 * DAY;
  const dip = Date.parse('2026-11-13T09:00:00Z');
  return {
    series: series(
      MAIL,
      start,
      END_5,
      5,
      (t) => Math.round((level(MAIL, t) / 3) * (t >= dip && t < dip + 2 * HOUR ? 0.1 : 1)),
      (t) => t >= Date.parse('2026-11-20T02:00:00Z') && t < Date.parse('2026-11-20T03:00:00Z'),
    ),
    lastWeek: series(MAIL, lastWeekStart - WEEK_MS, END_5 - WEEK_MS, 5, (t) =>
      Math.round(level(MAIL, t) / 3),
    ),
    notes: [
      'Microsoft Graph keeps 30 days of monitoring data, so the window starts at 2026-10-28 14:25 UTC instead of 2026-10-28 14:20 UTC.',
      'The comparison with last week starts at 2026-10-28 14:25 UTC: Microsoft Graph keeps 30 days.',
    ],
  };
}

type Chart = { data: { legend: string; values: { x: string; y: number }[] }[] };
const chartOf = (card: { body: unknown[] }) =>
  card.body.find((b) => (b as { type: string }).type === 'Chart.Line') as Chart;

/** Teams builds the category axis from the lines in order: the first line must hold every x, in time order. */
function assertAligned(chart: Chart): void {
  const first = chart.data[0].values.map((v) => v.x);
  assert.equal(new Set(first).size, first.length, 'x values are unique');
  for (const line of chart.data.slice(1)) {
    let at = -1;
    for (const { x } of line.values) {
      const i = first.indexOf(x);
      assert.ok(i > at, `${line.legend} x ${x} is on the first line, in order`);
      at = i;
    }
  }
}

describe('cards/metric-card', () => {
  it('golden: 6 hours with last week (Europe/Berlin)', () => {
    const card = buildMetricCard({
      report: sixHours(),
      now: NOW,
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
      windowLabel: 'last 6 hours',
    });
    assertGolden('metric-6h-last-week', card);
    const json = JSON.stringify(card);
    assert.match(json, /"legend":"this week"/);
    assert.match(json, /"legend":"last week"/);
    assert.match(json, /"xAxisTitle":"time \(Europe\/Berlin\)","yAxisTitle":"count per 15 min"/);
    assert.match(json, /2 buckets without data \(of 24\)/);
    assertAligned(chartOf(card));
    assert.equal(chartOf(card).data[1].values.length, 22, 'last week is left out where this week has a gap');
    assert.match(json, /Biggest differences from last week/);
    assert.equal((json.match(/vs [\d.]+k last week \(▼ [67]\d\.\d%\)/g) ?? []).length, 3);
    assert.deepEqual(card.actions, [
      {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: 'show.refresh',
        data: { metric: 'mail-delivery', window: 'last 6 hours', interval: 15, compare: true },
      },
    ]);
  });

  it('golden: 30 days at 5 minutes with last week, downsampled but keeping the dip', () => {
    const report = thirtyDays();
    const card = buildMetricCard({
      report,
      now: NOW,
      timeZone: 'UTC',
      locale: 'en-GB',
      windowLabel: 'last 30 days',
    });
    assertGolden('metric-30d', card);
    assert.ok(cardBytes(card) < MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
    const chart = card.body.find((b) => (b as { type: string }).type === 'Chart.Line') as {
      data: { legend: string; values: { x: string; y: number }[] }[];
      fallback: { type: string; items: { type: string; facts?: unknown[] }[] };
    };
    const xs = new Set(chart.data.flatMap((d) => d.values.map((v) => v.x)));
    assert.ok(xs.size <= MAX_CHART_POINTS, `${xs.size} x values`);
    const thisWeek = chart.data[0].values.map((v) => v.y);
    const trueMin = Math.min(...report.series.points.map((p) => p.v));
    const trueMax = Math.max(...report.series.points.map((p) => p.v));
    assert.equal(Math.min(...thisWeek), trueMin, 'the dip survives downsampling');
    assert.equal(Math.max(...thisWeek), trueMax);
    assertAligned(chart);
    assert.equal(
      chart.data[1].values[0].x.slice(0, 5),
      '4 Nov',
      'last week starts where Graph still has data',
    );
    assert.equal(chart.fallback.type, 'Container');
    assert.equal(chart.fallback.items[1].facts?.length, 12);
    assert.match(JSON.stringify(card), /12 buckets without data \(of 8640\)/);
    assert.match(JSON.stringify(card), /Microsoft Graph keeps 30 days/);
  });

  it('golden: a percentage without comparison offers "vs last week"', () => {
    const start = END_15 - DAY;
    const report: SeriesReport = {
      series: series(UDP, start, END_15, 15, (t) => (t >= END_15 - 2 * HOUR ? 70 : level(UDP, t))),
      notes: [],
    };
    const card = buildMetricCard({
      report,
      now: NOW,
      timeZone: 'America/New_York',
      locale: 'en-GB',
      windowLabel: 'last 24 hours',
    });
    assertGolden('metric-24h-percent', card);
    const json = JSON.stringify(card);
    assert.match(json, /"yAxisTitle":"%"/);
    assert.doesNotMatch(json, /Biggest differences/);
    assert.deepEqual(card.actions?.[1], {
      type: 'Action.Execute',
      title: 'vs last week',
      verb: 'show.refresh',
      data: { metric: 'teams-udp', window: 'last 24 hours', interval: 15, compare: true },
    });
  });

  it('golden: a window with no data at all has no chart', () => {
    const start = END_15 - 6 * HOUR;
    const report: SeriesReport = {
      series: series(
        MAIL,
        start,
        END_15,
        15,
        () => 0,
        () => true,
      ),
      notes: [],
      stale: {
        since: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
        reason: 'Network',
        message: 'cached',
      },
    };
    const card = buildMetricCard({
      report,
      now: NOW,
      timeZone: 'UTC',
      locale: 'en-GB',
      windowLabel: 'last 6 hours',
      query: { metric: 'mail', start: '2026-11-27T08:15:00Z', end: '2026-11-27T14:15:00Z' },
    });
    assertGolden('metric-no-data', card);
    const json = JSON.stringify(card);
    assert.doesNotMatch(json, /Chart\.Line/);
    assert.match(json, /No data in this window \(24 buckets\)/);
    assert.match(json, /Cached numbers from 13:50, 30 min ago: Microsoft Graph could not be reached\./);
    assert.deepEqual((card.actions?.[0] as { data: object }).data, {
      metric: 'mail',
      start: '2026-11-27T08:15:00Z',
      end: '2026-11-27T14:15:00Z',
    });
  });

  it('marks a preview metric', () => {
    const fn = 'getDeviceMetricsForOneDriveForBusinessBydownloadOnlineOnlyFiles';
    const report: SeriesReport = { series: series(fn, END_15 - HOUR, END_15, 15, () => 40), notes: [] };
    const json = JSON.stringify(
      buildMetricCard({ report, now: NOW, timeZone: 'UTC', locale: 'en-GB', windowLabel: 'last hour' }),
    );
    assert.match(json, /Preview signal/);
  });
});
