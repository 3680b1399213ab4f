import assert from 'node:assert/strict';
import { newCard } from '../../src/cards/adaptive-card';
import { StatusCardMemo, statusCardKey, type StatusCardKey } from '../../src/commands/status-memo';
import { handleStatus } from '../../src/commands/handlers/status';
import type { CommandContext } from '../../src/commands/reply';
import type { CommandServices } from '../../src/commands/services';
import { MissingPermissionError, ThrottledError } from '../../src/graph/errors';
import type {
  GroupAccess,
  MetricStatus,
  StatusView,
  UserMetricsReader,
} from '../../src/graph/metrics-reader';
import { NOW, statusReport, TENANT } from '../cards/synthetic';

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const ctxErr = { tenantId: TENANT };
const allowed: GroupAccess = { allowed: true };
const missing = new MissingPermissionError('needs it', ctxErr, 'ServiceActivity-Teams.Read.All', []);
const denied: GroupAccess = { allowed: false, error: missing };

const base: StatusCardKey = {
  tenantId: TENANT,
  scope: 'all',
  access: new Map<string, GroupAccess>([
    ['exchange', allowed],
    ['teams', allowed],
  ]),
  locale: 'en-US',
  timeZone: 'UTC',
  now: NOW,
  health: '',
};

describe('commands/status-memo', () => {
  it('keys every input the card depends on besides the data', () => {
    const k = statusCardKey(base);
    const variants: Partial<StatusCardKey>[] = [
      { tenantId: 'other' },
      { scope: 'exchange' },
      {
        access: new Map<string, GroupAccess>([
          ['exchange', allowed],
          ['teams', denied],
        ]),
      },
      { locale: 'de-DE' },
      { timeZone: 'Europe/Berlin' },
      { now: new Date(NOW.getTime() + 60_000) },
      { health: 'asof:incident' },
    ];
    for (const v of variants)
      assert.notEqual(statusCardKey({ ...base, ...v }), k, JSON.stringify(Object.keys(v)));
    assert.equal(
      statusCardKey({ ...base, now: new Date(NOW.getTime() + 59_000 - (NOW.getTime() % 60_000)) }),
      k,
    );
    assert.equal(statusCardKey({ ...base, tenantId: TENANT.toUpperCase() }), k);
  });

  it('keeps a card with data or lasting refusals, never one showing a transient failure', () => {
    const memo = new StatusCardMemo();
    const card = newCard([]);
    memo.set('ok', card, statusReport());
    const refused: MetricStatus = {
      fn: MAIL,
      ok: false,
      error: missing,
    };
    memo.set('refused', card, statusReport({ [MAIL]: refused }));
    const throttled = new ThrottledError('slow down', ctxErr, new Date(NOW.getTime() + 60_000), 'graph');
    memo.set('throttled', card, statusReport({ [MAIL]: { fn: MAIL, ok: false, error: throttled } }));
    assert.equal(memo.get('ok'), card);
    assert.equal(memo.get('refused'), card);
    assert.equal(memo.get('throttled'), undefined);
  });
});

describe('commands/handlers/status with the memo', () => {
  function fixture(report = statusReport()) {
    let reads = 0;
    const metrics: UserMetricsReader = {
      status: async (): Promise<StatusView> => {
        reads++;
        return { report, trends: {} };
      },
      access: async (groups) => new Map(groups.map((g) => [g, allowed])),
      series: async () => {
        throw new Error('not used');
      },
    };
    const services: CommandServices = {
      signInMode: 'demo',
      graphToken: async () => 'token',
      signOut: async () => undefined,
      metrics,
      statusCards: new StatusCardMemo(),
    };
    return { services, reads: () => reads };
  }
  const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({
    tenantId: TENANT,
    user: { id: '29:ana', aadObjectId: 'oid-ana' },
    conversation: { id: 'a:ana', scope: 'personal' },
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    now: NOW,
    correlationId: 'c',
    ...over,
  });

  it('builds a status card once a minute per reader, and one per locale', async () => {
    const f = fixture();
    const first = await handleStatus(undefined, ctx(), f.services);
    const again = await handleStatus(undefined, ctx({ now: new Date(NOW.getTime() + 20_000) }), f.services);
    assert.equal(again.card, first.card);
    assert.equal(f.reads(), 1);
    const de = await handleStatus(undefined, ctx({ locale: 'de-DE' }), f.services);
    assert.notEqual(de.card, first.card);
    assert.equal(f.reads(), 2);
  });

  it('reads again after a transient failure instead of repeating it all minute', async () => {
    const throttled = new ThrottledError('slow down', ctxErr, new Date(NOW.getTime() + 60_000), 'graph');
    const f = fixture(statusReport({ [MAIL]: { fn: MAIL, ok: false, error: throttled } }));
    await handleStatus(undefined, ctx(), f.services);
    await handleStatus(undefined, ctx(), f.services);
    assert.equal(f.reads(), 2);
  });
});
