import assert from 'node:assert/strict';
import {
  ALL_PERMISSIONS,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { activity, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';

const text = (card: unknown) => JSON.stringify(card);

describe('admin commands end to end (bot + simulated tenant + capture connector)', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;

  before(async () => {
    sim = await startSimulator({
      clients: {
        [DEMO_CLIENT_ID]: {
          secret: DEMO_CLIENT_SECRET,
          grantedAppRoles: [...ALL_PERMISSIONS],
          grantedScopes: ALL_PERMISSIONS.filter((p) => p !== 'ServiceActivity-OneDrive.Read.All'),
        },
      },
    });
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness(demoIdentityEnv(sim, 'organizations'), undefined, { invokeBudgetMs: 400 });
  });
  after(async () => {
    await h?.stop();
    await connector?.stop();
    await sim?.close();
  });
  beforeEach(() => {
    connector.clear();
    sim.faults.clear();
    sim.scenarios.clear();
  });

  const say = async (t: string) => {
    const res = await post(h.bot.url, activity(serviceUrl, { text: t }));
    assert.equal(res.status, 200);
    return connector.cards().at(-1)!;
  };

  it('status: every service group with numbers, trends and Refresh/Details buttons', async () => {
    const card = await say('status');
    const t = text(card);
    for (const group of ['Exchange Online', 'Microsoft Teams', 'Microsoft Entra'])
      assert.match(t, new RegExp(group));
    assert.match(t, /"verb":"status\.refresh"/);
    assert.match(t, /"verb":"status\.details"/);
    assert.match(
      t,
      /ServiceActivity-OneDrive\.Read\.All/,
      'the group Graph denies says which permission is missing',
    );
    assert.ok(Buffer.byteLength(t) < 28 * 1024);
  });

  it('status follows the activity locale and time zone (also from Teams clientInfo); no card is reused across them', async () => {
    const as = async (over: Record<string, unknown>) => {
      const res = await post(h.bot.url, activity(serviceUrl, { text: 'status', ...over }));
      assert.equal(res.status, 200);
      return text(connector.cards().at(-1));
    };
    const us = await as({ locale: 'en-US', localTimezone: 'America/New_York' });
    const de = await as({ locale: 'de-DE', localTimezone: 'Europe/Berlin' });
    const ja = await as({
      locale: undefined,
      entities: [{ type: 'clientInfo', locale: 'ja-JP', timezone: 'Asia/Tokyo', platform: 'Web' }],
    });
    assert.match(us, /Data as of \d{1,2}:\d\d [AP]M, .*times in America\/New_York/);
    assert.match(us, /"\d+\.\d%"/, 'en-US percentages: 97.1%');
    assert.match(de, /Data as of \d\d:\d\d, .*times in Europe\/Berlin/);
    assert.match(de, /"\d+,\d\u00a0%"/, 'de-DE percentages: 97,1 %');
    assert.doesNotMatch(de, /"\d+\.\d%"/);
    assert.match(ja, /Data as of \d\d:\d\d, .*times in Asia\/Tokyo/);
    const gb = await as({ locale: 'en-GB', localTimezone: 'Europe/Berlin' });
    assert.match(gb, /"\d+\.\d%"/, 'en-GB in the same zone as de-DE gets its own card');
    assert.doesNotMatch(gb, /"\d+,\d\u00a0%"/);
  });

  it('show: a metric window with a line chart against last week', async () => {
    const card = await say('show mail delivery last 6h vs last week');
    const t = text(card);
    assert.match(t, /"type":"Chart\.Line"/);
    assert.match(t, /last week/);
    assert.match(t, /Mail delivery/i);
  });

  it('metrics: the catalog with permission names, no sign-in needed', async () => {
    const t = text(await say('metrics teams'));
    assert.match(t, /ServiceActivity-Teams\.Read\.All/);
    assert.match(t, /UDP/i);
  });

  it('an impossible window says which part is wrong, with an example', async () => {
    const t = text(await say('show mail delivery last 45d'));
    assert.match(t, /30 days/);
    assert.match(t, /show mail delivery last 30d/);
  });

  it('refresh (Action.Execute) answers with the updated card in place', async () => {
    await say('status');
    const res = await post(
      h.bot.url,
      activity(serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'captured-1',
        value: { action: { type: 'Action.Execute', verb: 'status.refresh', data: { service: 'exchange' } } },
      }),
    );
    assert.equal(res.status, 200);
    const body = res.body as { statusCode: number; type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(text(body.value), /Exchange Online/);
    assert.doesNotMatch(text(body.value), /Microsoft Teams/);
  });

  it('an incident makes the status card show the degraded metric', async () => {
    // A tenant this suite has not read yet: caches only ever hold data Graph already served, and the simulator's
    // scenario rewrites the past, which real telemetry never does.
    const tenant = '00000000-0000-4000-8000-0000000000cc';
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -40,
      durationMinutes: 120,
      tenantId: tenant,
    });
    await post(h.bot.url, activity(serviceUrl, { text: 'status exchange', tenantId: tenant }));
    const card = text(connector.cards().at(-1));
    assert.match(card, /Mail delivery[\s\S]*(degraded|Degraded|▼)/);
  });

  it('a user without the permission gets the permission card naming it', async () => {
    const t = text(await say('show onedrive downloads last 2h'));
    assert.match(t, /ServiceActivity-OneDrive\.Read\.All/);
  });

  it("keeps tenants apart: another tenant's status is read for that tenant, never from this one's cache", async () => {
    const other = '00000000-0000-4000-8000-0000000000bb';
    await say('status exchange');
    const before = sim.requestLog.length;
    const res = await post(h.bot.url, activity(serviceUrl, { text: 'status exchange', tenantId: other }));
    assert.equal(res.status, 200);
    const graphCalls = sim.requestLog
      .slice(before)
      .filter((c) => c.kind === 'graph' || c.kind === 'batch-item');
    assert.ok(graphCalls.length > 0, "the other tenant is fetched, not served from the first tenant's cache");
    assert.ok(
      graphCalls.every((c) => c.tenant === other && c.status === 200),
      JSON.stringify(graphCalls.map((c) => [c.tenant, c.status])),
    );
    assert.match(text(connector.cards().at(-1)), /Mail delivery/);
  });

  it('a 429 storm produces the throttled card within the Teams turn budget', async () => {
    sim.faults.set({
      throttleRate: 1,
      retryAfterSeconds: 120,
      functions: ['getUsageMetricsForTeamsByMeetingsJoined'],
    });
    const started = Date.now();
    const t = text(await say('show meeting joins last 3h every 5 min'));
    assert.ok(Date.now() - started < 12_000, `${Date.now() - started} ms`);
    assert.match(t, /[Tt]hrottl|too many requests/i);
  });

  it('a slow card action answers "Updating…" at once and updates the card in place later', async () => {
    sim.faults.set({ latencyMs: 1500 }); // Megan has not read Graph yet, so her access check goes to Graph
    const res = await post(
      h.bot.url,
      activity(serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: { id: '29:megan', name: 'Megan Bowen', aadObjectId: '00000000-0000-4000-8000-00000000b002' },
        replyToId: 'card-42',
        value: { action: { type: 'Action.Execute', verb: 'board.refresh', data: { service: 'web' } } },
      }),
    );
    assert.match(text((res.body as { value: unknown }).value), /Updating/);
    const deadline = Date.now() + 10_000;
    while (
      !connector.calls.some((c) => c.method === 'PUT' && c.path.endsWith('/activities/card-42')) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 100));
    const put = connector.calls.find((c) => c.method === 'PUT' && c.path.endsWith('/activities/card-42'));
    assert.ok(put, 'the card was updated in place');
    assert.match(text(put.body), /board\.refresh/);
  });
});
