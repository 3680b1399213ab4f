import assert from 'node:assert/strict';
import { failureLines } from '../../src/cli/commands/status';
import { renderJson } from '../../src/cli/output/json';
import { renderTable } from '../../src/cli/output/table';
import { metricsView } from '../../src/cli/views/metrics-view';
import { queryView } from '../../src/cli/views/query-view';
import { shortReason, statusView } from '../../src/cli/views/status-view';
import { metricById, metricsOfService } from '../../src/domain/catalog';
import {
  MissingPermissionError,
  NotAvailableError,
  ThrottledError,
  TimeoutError,
} from '../../src/graph/errors';
import type { StatusReport } from '../../src/graph/metrics-service';

const T = 'c0ffee00-0000-4000-8000-00000000000a';
const MAIL = metricById('mail-delivery')!;
const QOE = metricById('teams-qoe')!;
const CHAT = metricById('teams-chat')!;

const missing = (fn: string, label: string) =>
  new MissingPermissionError(
    `Pulse is missing P needed for ${label} in tenant ${T}.`,
    { tenantId: T, fn },
    'P',
    [],
  );

const REPORT: StatusReport = {
  tenantId: T,
  intervalMinutes: 15,
  asOf: '2024-10-02T12:07:30.000Z',
  latestCompleteBucket: '2024-10-02T11:45:00.000Z',
  metrics: [
    {
      fn: MAIL.fn,
      ok: true,
      latest: { t: '2024-10-02T11:45:00Z', v: 20248 },
      lastWeek: { t: '2024-09-25T11:45:00Z', v: 18000 },
      changePct: 12.488888,
    },
    { fn: QOE.fn, ok: true, latest: { t: '2024-10-02T11:30:00Z', v: 99.5 }, lastWeek: undefined },
    { fn: CHAT.fn, ok: false, error: missing(CHAT.fn, 'Teams chat messages') },
    {
      fn: metricById('teams-udp')!.fn,
      ok: true,
      stale: { since: '2024-10-02T11:50:00.000Z', reason: 'Network', message: 'Stale.' },
    },
  ],
};

describe('cli/views (pure)', () => {
  it('status table: units, change, missing values, short reasons in the note column', () => {
    assert.equal(
      renderTable(statusView(REPORT)),
      [
        `Tenant ${T}: latest complete 15-minute bucket 2024-10-02 11:45 UTC, compared with the same bucket last week`,
        '',
        'SERVICE   METRIC         BUCKET (UTC)       VALUE  LAST WEEK  CHANGE  NOTE',
        'exchange  mail-delivery  2024-10-02 11:45  20,248     18,000  +12.5%',
        'teams     teams-qoe      2024-10-02 11:30  99.50%          -       -',
        'teams     teams-chat     -                      -          -       -  missing P',
        'teams     teams-udp      -                      -          -       -  stale since 2024-10-02 11:50',
        '',
      ].join('\n'),
    );
  });

  it('status JSON: raw numbers, change rounded to 0.01, the full error message', () => {
    const rows = JSON.parse(renderJson(statusView(REPORT))) as Record<string, unknown>[];
    assert.deepEqual(rows[0], {
      service: 'exchange',
      metric: 'mail-delivery',
      name: 'Mail delivery',
      unit: 'count',
      bucket: '2024-10-02T11:45:00Z',
      value: 20248,
      lastWeek: 18000,
      changePct: 12.49,
      error: null,
    });
    assert.equal(rows[2].error, `Pulse is missing P needed for Teams chat messages in tenant ${T}.`);
    assert.equal(rows[2].value, null);
  });

  it('query view: gaps are rows with no data, in time order', () => {
    const view = queryView(
      QOE,
      {
        fn: QOE.fn,
        intervalMinutes: 15,
        start: '2024-10-02T10:00:00Z',
        end: '2024-10-02T11:00:00Z',
        points: [
          { t: '2024-10-02T10:00:00Z', v: 99.1234 },
          { t: '2024-10-02T10:45:00Z', v: 98 },
        ],
        gaps: ['2024-10-02T10:15:00Z', '2024-10-02T10:30:00Z'],
      },
      T,
    );
    assert.equal(
      renderTable(view),
      [
        `Audio QoE telemetry (teams-qoe) for tenant ${T}: 15-minute buckets, 2024-10-02 10:00 UTC to 2024-10-02 11:00 UTC`,
        '',
        'TIME (UTC)        PERCENT',
        '2024-10-02 10:00   99.12%',
        '2024-10-02 10:15  no data',
        '2024-10-02 10:30  no data',
        '2024-10-02 10:45   98.00%',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      (JSON.parse(renderJson(view)) as { value: number | null }[]).map((r) => r.value),
      [99.1234, null, null, 98],
    );
  });

  it('metrics view marks preview metrics', () => {
    const onedrive = metricsOfService('onedrive');
    assert.ok(onedrive.some((m) => m.preview));
    const rows = metricsView(onedrive).rows;
    for (const [i, m] of onedrive.entries()) {
      assert.equal(rows[i].name, m.preview ? `${m.name} (preview)` : m.name);
    }
  });

  it('failure lines: one per kind and permission, counting metrics whose messages differ', () => {
    const throttled = (fn: string) =>
      new ThrottledError(`Throttled for ${fn}.`, { tenantId: T, fn }, new Date(0), 'graph');
    const timeout = new TimeoutError('Graph did not answer within 8 s.', { tenantId: T });
    const lines = failureLines([
      { fn: 'a', ok: false, error: missing('a', 'A') },
      { fn: 'b', ok: false, error: missing('b', 'B') },
      { fn: 'c', ok: false, error: throttled('c') },
      { fn: 'd', ok: false, error: timeout },
      { fn: 'e', ok: false, error: timeout },
      { fn: 'f', ok: true },
    ]);
    assert.deepEqual(lines, [
      `m365-pulse: Pulse is missing P needed for A in tenant ${T}. (and 1 more metric)`,
      'm365-pulse: Throttled for c.',
      'm365-pulse: Graph did not answer within 8 s.',
    ]);
    assert.equal(shortReason(new NotAvailableError('x', { tenantId: T })), 'not available for this tenant');
    assert.equal(shortReason(timeout), 'timeout');
  });
});
