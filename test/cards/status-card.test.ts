import assert from 'node:assert/strict';
import { buildBoardCard, buildUpdatingCard } from '../../src/cards/board-card';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { buildStatusCard, MAX_STATUS_CHARTS } from '../../src/cards/status-card';
import { METRICS, metricsOfService } from '../../src/domain/catalog';
import { MissingPermissionError, NotAvailableError, ThrottledError } from '../../src/graph/errors';
import type { MetricStatus } from '../../src/graph/metrics-service';
import { assertGolden } from './golden';
import { degradedInput, failed, NOW, okStatus, statusReport, TENANT, trends } from './synthetic';

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const UDP = 'getAudioStreamsOverUdpMetricsForTeams';
const TUNNELS = 'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelDisconnected';

function lockedReport(): ReturnType<typeof statusReport> {
  const override: Record<string, MetricStatus> = {};
  for (const m of METRICS.filter((x) => x.service === 'entra' || x.service === 'networkAccess')) {
    override[m.fn] = failed(
      m.fn,
      new MissingPermissionError(
        'Pulse is missing Reports.Read.All.',
        { tenantId: TENANT, fn: m.fn, status: 403 },
        'Reports.Read.All',
        m.roles,
      ),
    );
  }
  for (const m of metricsOfService('onedrive')) {
    override[m.fn] = failed(
      m.fn,
      new NotAvailableError('Not available.', { tenantId: TENANT, fn: m.fn, status: 404 }),
    );
  }
  return statusReport(override);
}

const userIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `8:orgid:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);

describe('cards/status-card', () => {
  it('golden: every metric normal, with sparklines (UTC)', () => {
    const card = buildStatusCard({
      report: statusReport(),
      trends: trends(),
      now: NOW,
      timeZone: 'UTC',
      locale: 'en-GB',
    });
    assertGolden('status-normal', card);
  });

  it('golden: degraded metrics first, highlighted, with trend charts (Europe/Berlin)', () => {
    const card = buildStatusCard(degradedInput());
    assertGolden('status-degraded', card);
    const json = JSON.stringify(card);
    assert.match(json, /Needs attention/);
    assert.equal(
      (json.match(/"Chart\.Line"/g) ?? []).length,
      MAX_STATUS_CHARTS,
      'charts for the first degraded metrics only',
    );
    assert.match(json, /"title":"Mail delivery, recent buckets"/);
    assert.match(json, /"title":"Audio over UDP, recent buckets"/);
  });

  it('golden: a tenant with no data yet', () => {
    const report = statusReport(
      Object.fromEntries(METRICS.map((m) => [m.fn, { fn: m.fn, ok: true } as MetricStatus])),
    );
    assertGolden('status-no-data', buildStatusCard({ report, now: NOW, timeZone: 'UTC', locale: 'en-GB' }));
  });

  it('golden: partial permission names the missing permission per group instead of numbers', () => {
    const card = buildStatusCard({
      report: lockedReport(),
      now: NOW,
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
    });
    assertGolden('status-partial-permission', card);
    const json = JSON.stringify(card);
    assert.match(json, /Pulse needs the Microsoft Graph permission Reports\.Read\.All/);
    assert.match(json, /Global Reader, Reports Reader/);
    assert.match(json, /5,000 Office 365 or Microsoft 365 E3\/E5 licences and 50 monthly active users/);
    assert.doesNotMatch(json, /MFA sign-in successes/, 'locked groups list no rows');
  });

  it('golden: one service, with cached numbers after throttling', () => {
    const since = new Date(NOW.getTime() - 10 * 60_000).toISOString();
    const retryAfter = new Date(NOW.getTime() + 4 * 60_000).toISOString();
    const stale = { since, reason: 'Throttled' as const, retryAfter, message: 'cached' };
    const report = statusReport({ [MAIL]: { ...okStatus(MAIL), ok: true, stale } });
    const card = buildStatusCard({
      report,
      service: 'exchange',
      now: NOW,
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
      trends: trends(),
    });
    assertGolden('status-exchange-stale', card);
    const json = JSON.stringify(card);
    assert.match(
      json,
      /Cached numbers from 15:10, 10 min ago: Microsoft Graph is throttling requests until 15:24/,
    );
    assert.doesNotMatch(json, /Microsoft Teams/);
    assert.deepEqual(card.actions, [
      { type: 'Action.Execute', title: 'Refresh', verb: 'status.refresh', data: { service: 'exchange' } },
    ]);
  });

  it('has Refresh and per-service Details as Action.Execute, and the card basics', () => {
    const card = buildStatusCard({ report: statusReport(), now: NOW, timeZone: 'UTC', locale: 'en-GB' });
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.deepEqual(card.actions, [
      { type: 'Action.Execute', title: 'Refresh', verb: 'status.refresh', data: {} },
    ]);
    const details = JSON.stringify(card).match(/"verb":"status\.details","data":\{"service":"\w+"\}/g);
    assert.equal(details?.length, 6);
    assert.match(JSON.stringify(card), /Data as of 14:15, 5 min ago · 15-minute buckets · times in UTC/);
    assert.equal(card.refresh, undefined);
  });

  it('lists failures once per reason under the table', () => {
    const error = new ThrottledError('t', { tenantId: TENANT }, new Date(NOW.getTime() + 60_000), 'graph');
    const report = statusReport({ [MAIL]: failed(MAIL, error), [UDP]: failed(UDP, error) });
    const json = JSON.stringify(buildStatusCard({ report, now: NOW, timeZone: 'UTC', locale: 'en-GB' }));
    assert.match(json, /⚠️ Microsoft Graph is throttling requests; try again later\. \(Mail delivery\)/);
    assert.match(json, /🔴 0 degraded|⚠️ 2 failed · 🟢 37 normal/);
  });

  it('golden: board with auto-refresh for the given users and "Last refreshed"', () => {
    const card = buildBoardCard({
      ...degradedInput(),
      now: new Date(NOW.getTime() + 5 * 60_000),
      userIds: userIds(3),
    });
    assertGolden('board', card);
    assert.deepEqual(card.refresh, {
      action: { type: 'Action.Execute', verb: 'board.refresh', data: {} },
      userIds: userIds(3),
    });
    assert.match(JSON.stringify(card.body), /Last refreshed 15:20 \(5 min ago\)/);
    assert.deepEqual(card.actions, [
      { type: 'Action.Execute', title: 'Refresh', verb: 'board.refresh', data: {} },
    ]);
  });

  it('board keeps at most 60 distinct userIds and carries the service', () => {
    const card = buildBoardCard({
      report: statusReport(),
      service: 'teams',
      now: NOW,
      timeZone: 'UTC',
      locale: 'en-GB',
      userIds: [...userIds(80), ...userIds(2)],
    });
    const refresh = card.refresh as { action: { data: object }; userIds: string[] };
    assert.equal(refresh.userIds.length, 60);
    assert.equal(new Set(refresh.userIds).size, 60);
    assert.deepEqual(refresh.action.data, { service: 'teams' });
  });

  it('golden: the updating variant keeps the numbers and adds a subtle line', () => {
    const input = { ...degradedInput(), now: new Date(NOW.getTime() + 60_000) };
    const updating = buildUpdatingCard({ ...input, board: { userIds: userIds(1) } });
    assertGolden('board-updating', updating);
    const plain = buildStatusCard({ ...input, board: { userIds: userIds(1) } });
    const lines = (card: object) => JSON.stringify(card).match(/Updating…/g)?.length ?? 0;
    assert.equal(lines(updating), 1);
    assert.equal(lines(plain), 0);
    const numbers = (card: object) => JSON.stringify(card).match(/"text":"[\d.]+[kMB]?%?"/g);
    assert.ok(numbers(plain)?.length, 'the card shows numbers');
    assert.deepEqual(numbers(updating), numbers(plain));
  });

  describe('size', () => {
    it('full status of 39 metrics with trends stays under 28 KB, also as a board for 60 users', () => {
      const input = degradedInput();
      for (const card of [buildStatusCard(input), buildBoardCard({ ...input, userIds: userIds(60) })]) {
        assert.ok(cardBytes(card) < MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
      }
    });

    it('every metric degraded, with trends, as a board for 60 users: still under 28 KB', () => {
      const override = Object.fromEntries(
        METRICS.map((m) => [m.fn, m.unit === 'percent' ? okStatus(m.fn, 10, 99) : okStatus(m.fn, 100, 1000)]),
      );
      if (override[TUNNELS]) override[TUNNELS] = okStatus(TUNNELS, 5, 0);
      const card = buildBoardCard({
        report: statusReport(override),
        trends: trends(48),
        now: NOW,
        timeZone: 'Europe/Berlin',
        locale: 'en-GB',
        userIds: userIds(60),
      });
      assert.ok(cardBytes(card) < MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
      assert.match(JSON.stringify(card), /…and \d+ more, marked 🔴 below\./);
    });

    it('every metric failing with its own message: under 28 KB', () => {
      const override = Object.fromEntries(
        METRICS.map((m, i) => [
          m.fn,
          failed(
            m.fn,
            new ThrottledError(`t${i}`, { tenantId: TENANT }, new Date(NOW.getTime() + i * 60_000), 'graph'),
          ),
        ]),
      );
      const card = buildStatusCard({
        report: statusReport(override),
        trends: trends(),
        now: NOW,
        timeZone: 'UTC',
        locale: 'en-GB',
      });
      assert.ok(cardBytes(card) < MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
    });
  });
});
