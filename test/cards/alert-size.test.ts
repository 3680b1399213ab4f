import assert from 'node:assert/strict';
import { buildAlertCard, buildAlertDetailsCard, DETAILS_CHART_POINTS } from '../../src/cards/alert-card';
import { ALERT_CHART_POINTS } from '../../src/cards/alert-chart';
import { ALERT_HEADROOM } from '../../src/cards/alert-compose';
import type { AlertChartPoint } from '../../src/cards/alert-input';
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { metricsOfService } from '../../src/domain/catalog';
import type { Incident } from '../../src/monitor/incident';
import { acted, ADELE, ALEX, at, chart, dip, NOW, opened, TENANT, texts, TZ } from './alert-fixtures';

type Line = { legend: string; values: { x: string; y: number }[] };
type Chart = { type: 'Chart.Line'; data: Line[] };

function charts(node: unknown): Chart[] {
  if (Array.isArray(node)) return node.flatMap(charts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(o.type === 'Chart.Line' ? [o as unknown as Chart] : []), ...Object.values(o).flatMap(charts)];
}

/** Ten Global Secure Access metrics breaking together, each with a busy history (ack, snoozes, mutes). */
function tenIncidents(): Incident[] {
  return metricsOfService('networkAccess')
    .slice(0, 10)
    .map((m, i) => {
      let incident = opened(m.id, at('13:00') + i * 60_000, 120 + i, 900 + 10 * i, {
        reason: `${m.name}: a long evaluator reason that repeats the numbers, the baseline weeks and the rule, as it does.`,
      });
      for (let k = 0; k < 3; k++)
        incident = acted(
          incident,
          { type: 'snooze', by: ADELE, minutes: 60, note: `round ${k}` },
          at('13:30') + k * 600_000,
        );
      return acted(incident, { type: 'acknowledge', by: ALEX }, at('14:30'));
    });
}

const chartsFor = (incidents: Incident[], n: number): Record<string, AlertChartPoint[]> =>
  Object.fromEntries(incidents.map((i, k) => [i.fn, chart(at('15:15'), n, 900 + 10 * k, dip(n - 12, 0.2))]));

function groupInput(n: number) {
  const incidents = tenIncidents();
  return {
    group: { tenantId: TENANT, service: 'networkAccess', incidents },
    charts: chartsFor(incidents, n),
    now: NOW,
    timeZone: TZ,
    locale: 'en-GB',
  };
}

const fits = (card: AdaptiveCard, what: string) => {
  const bytes = cardBytes(card);
  assert.ok(bytes <= MAX_CARD_BYTES - ALERT_HEADROOM, `${what}: ${bytes} bytes`);
  return bytes;
};

describe('cards/alert-card size', () => {
  it('a group of 10 incidents with 6-hour charts stays under 28 KB, every metric still shown', () => {
    const input = groupInput(72);
    const card = buildAlertCard(input);
    fits(card, 'alert card');
    const drawn = charts(card.body);
    assert.ok(drawn.length >= 1, 'some charts kept');
    for (const c of drawn) assert.ok(c.data[0].values.length <= ALERT_CHART_POINTS);
    const seen = texts(card.body);
    for (const i of input.group.incidents) assert.ok(seen.includes(`🟠 ${nameOf(i)}`), `${nameOf(i)} shown`);
    // Each member has a sparkline pair: as its chart's fallback, or alone where its chart did not fit.
    const sparkRows = JSON.stringify(card.body).match(/"now\u00a0\u00a0 /g) ?? [];
    assert.equal(sparkRows.length, 10);
  });

  it('the details card of that group with 24-hour charts stays under 28 KB', () => {
    const card = buildAlertDetailsCard(groupInput(288));
    fits(card, 'details card');
    for (const c of charts(card.body)) assert.ok(c.data[0].values.length <= DETAILS_CHART_POINTS);
  });

  it('30 days of 5-minute buckets are downsampled, keeping the lowest and highest value', () => {
    const incident = opened('mail-delivery', at('14:50'), 1180, 3400);
    const points = chart(at('15:15'), 8640, 3400, (i) => (i === 4000 ? 0.01 : i === 5000 ? 3 : 1));
    const input = {
      group: { tenantId: TENANT, service: 'exchange', incidents: [incident] },
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    };
    for (const [card, max] of [
      [buildAlertCard({ ...input, charts: { [incident.fn]: points } }), ALERT_CHART_POINTS],
      [buildAlertDetailsCard({ ...input, charts: { [incident.fn]: points } }), DETAILS_CHART_POINTS],
    ] as const) {
      fits(card, 'one incident');
      const [c] = charts(card.body);
      assert.ok(c.data[0].values.length <= max && c.data[0].values.length > max / 2);
      const ys = c.data[0].values.map((v) => v.y);
      const vs = points.flatMap((p) => (p.v === null ? [] : [p.v]));
      assert.equal(Math.min(...ys), Math.min(...vs));
      assert.equal(Math.max(...ys), Math.max(...vs));
      const xs = new Set(c.data[0].values.map((v) => v.x));
      assert.equal(xs.size, c.data[0].values.length, 'x labels unique');
      for (const v of c.data[1].values) assert.ok(xs.has(v.x), 'the usual line shares the x labels');
    }
  });

  it('a card that fits keeps every chart at full resolution', () => {
    const incidents = tenIncidents().slice(0, 3);
    const card = buildAlertCard({
      group: { tenantId: TENANT, service: 'networkAccess', incidents },
      charts: chartsFor(incidents, 72),
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    const drawn = charts(card.body);
    assert.equal(drawn.length, 3);
    for (const c of drawn) assert.equal(c.data[0].values.length, 72);
  });
});

function nameOf(i: Incident): string {
  return metricsOfService('networkAccess').find((m) => m.fn === i.fn)!.name;
}
