import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { appToken, get, postJson, startTestSim, T0, TENANT } from './helpers';

const HEALTH = ['ServiceHealth.Read.All', 'ServiceMessage.Read.All'];
const MIN = 60_000;

interface Issue {
  id: string;
  status: string;
  isResolved: boolean;
  service: string;
  classification: string;
  lastModifiedDateTime: string;
  endDateTime: string | null;
  posts: {
    createdDateTime: string;
    postType: string;
    description: { contentType: string; content: string };
  }[];
}
interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.context'?: string;
}

describe('simulator: service communications API (/v1.0/admin/serviceAnnouncement)', () => {
  let sim: Simulator;
  let clock: { ms: number };
  let token: string;
  const base = () => `${sim.url}/v1.0/admin/serviceAnnouncement`;
  const list = async <T>(url: string, headers: Record<string, string> = {}) => {
    const r = await get(url, token, headers);
    assert.equal(r.status, 200, r.text);
    return r.body as unknown as Page<T>;
  };

  beforeEach(async () => {
    ({ sim, clock } = await startTestSim());
    token = appToken(sim, HEALTH);
  });
  afterEach(() => sim.close());

  it('healthOverviews lists every service, operational when nothing is open, keyed by display name', async () => {
    const page = await list<{ id: string; service: string; status: string }>(`${base()}/healthOverviews`);
    const exchange = page.value.find((s) => s.service === 'Exchange Online');
    assert.deepEqual(exchange, { service: 'Exchange Online', status: 'serviceOperational', id: 'Exchange' });
    assert.equal(page.value.find((s) => s.service === 'Microsoft Intune')?.status, 'serviceDegradation');
    const one = await get(`${base()}/healthOverviews/${encodeURIComponent('Microsoft 365 suite')}`, token);
    assert.equal(one.status, 200);
    assert.equal(one.body.id, 'OSDPPlatform');
    assert.equal((await get(`${base()}/healthOverviews/Nope`, token)).status, 404);
  });

  it('a scenario that is Microsoft’s fault publishes an issue whose posts arrive over time, then resolves', async () => {
    const started = sim.scenarios.start({ name: 'mail-delivery-drop' });
    const openIssues = async () =>
      (await list<Issue>(`${base()}/issues?$filter=isResolved eq false and service eq 'Exchange Online'`))
        .value;
    assert.deepEqual(await openIssues(), [], 'nothing before Microsoft’s first post');
    clock.ms = T0 + 9 * MIN;
    const [first] = await openIssues();
    assert.match(first.id, /^EX\d{6}$/);
    assert.equal(first.status, 'investigating');
    assert.equal(first.classification, 'incident');
    assert.equal(first.posts.length, 1);
    assert.equal(first.posts[0].description.contentType, 'html');
    assert.match(first.posts[0].description.content, /Title: .*User impact: .*Next update by:/);
    const overview = await get(`${base()}/healthOverviews/Exchange%20Online`, token);
    assert.equal(overview.body.status, 'investigating');
    clock.ms = T0 + 21 * MIN;
    const [second] = await openIssues();
    assert.equal(second.id, first.id);
    assert.equal(second.posts.length, 2);
    assert.equal(second.status, 'serviceDegradation');
    assert.ok(second.lastModifiedDateTime > first.lastModifiedDateTime);
    clock.ms = Date.parse(started.endsAt) + 13 * MIN;
    assert.deepEqual(await openIssues(), []);
    const done = (await get(`${base()}/issues/${first.id}`, token)).body as unknown as Issue;
    assert.equal(done.isResolved, true);
    assert.equal(done.status, 'serviceRestored');
    assert.equal(done.endDateTime, new Date(started.endsAt).toISOString().replace('.000', ''));
    assert.equal(done.posts.length, 4);
  });

  it('tenant-side scenarios have no Microsoft issue; stopping a scenario resolves its issue instead of deleting it', async () => {
    sim.scenarios.start({ name: 'udp-blocked', startsInMinutes: -60 });
    const s = sim.scenarios.start({ name: 'teams-outage', startsInMinutes: -30 });
    const teams = async () =>
      (await list<Issue>(`${base()}/issues?$filter=service eq 'Microsoft Teams'`)).value;
    const [open] = await teams();
    assert.equal(open.isResolved, false);
    sim.scenarios.stop(s.id);
    clock.ms += 13 * MIN;
    const [closed] = await teams();
    assert.equal(closed.id, open.id);
    assert.equal(closed.isResolved, true);
  });

  it('pages with @odata.nextLink: 100 by default, Prefer: odata.maxpagesize, $top', async () => {
    const first = await list<{ id: string }>(`${base()}/messages`);
    assert.equal(first.value.length, 100);
    assert.ok(first['@odata.nextLink']);
    const second = await list<{ id: string }>(first['@odata.nextLink']!);
    assert.equal(second.value.length, 30);
    assert.equal(second['@odata.nextLink'], undefined);
    const ids = new Set([...first.value, ...second.value].map((m) => m.id));
    assert.equal(ids.size, 130, 'no message repeated or lost across pages');
    const small = await get(`${base()}/messages?$top=5`, token, { Prefer: 'odata.maxpagesize=2' });
    assert.equal(small.headers.get('preference-applied'), 'odata.maxpagesize=2');
    const pages = [small.body as unknown as Page<{ id: string }>];
    while (pages.at(-1)!['@odata.nextLink'])
      pages.push(await list(pages.at(-1)!['@odata.nextLink']!, { Prefer: 'odata.maxpagesize=2' }));
    assert.deepEqual(
      pages.map((p) => p.value.length),
      [2, 2, 1],
    );
  });

  it('filters the way Pulse asks: lastModifiedDateTime ge, isResolved, service, services/any, classification', async () => {
    sim.scenarios.start({ name: 'teams-advisory', startsInMinutes: -30 });
    const since = new Date(T0 - 2 * 86_400_000).toISOString();
    const recent = await list<Issue>(`${base()}/issues?$filter=lastModifiedDateTime ge ${since}`);
    assert.ok(recent.value.length >= 2);
    for (const i of recent.value) assert.ok(Date.parse(i.lastModifiedDateTime) >= Date.parse(since));
    const advisories = await list<Issue>(
      `${base()}/issues?$filter=classification eq 'advisory' and isResolved eq false`,
    );
    assert.deepEqual(advisories.value.map((i) => i.service).sort(), ['Microsoft Intune', 'Microsoft Teams']);
    const teamsMessages = await list<{ services: string[] }>(
      `${base()}/messages?$filter=services/any(s:s eq 'Microsoft Teams')`,
    );
    assert.ok(teamsMessages.value.length > 0);
    for (const m of teamsMessages.value) assert.ok(m.services.includes('Microsoft Teams'));
    const major = await list<{ isMajorChange: boolean; actionRequiredByDateTime: string }>(
      `${base()}/messages?$filter=isMajorChange eq true`,
    );
    assert.ok(
      major.value.length > 0 && major.value.every((m) => m.isMajorChange && m.actionRequiredByDateTime),
    );
    const bad = await get(`${base()}/issues?$filter=details/any(d:d eq 'x')`, token);
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /details/);
  });

  it('403 names the missing permission: health needs ServiceHealth.Read.All, messages ServiceMessage.Read.All', async () => {
    const healthOnly = appToken(sim, ['ServiceHealth.Read.All']);
    const r = await get(`${base()}/messages`, healthOnly);
    assert.equal(r.status, 403);
    assert.match(JSON.stringify(r.body), /ServiceMessage\.Read\.All/);
    assert.equal((await get(`${base()}/issues`, healthOnly)).status, 200);
    const telemetryOnly = appToken(sim);
    const h = await get(`${base()}/healthOverviews`, telemetryOnly);
    assert.equal(h.status, 403);
    assert.match(JSON.stringify(h.body), /ServiceHealth\.Read\.All/);
  });

  it('404 (UnknownError) for an unknown issue or message id', async () => {
    for (const path of ['issues/EX000000', 'messages/MC000000']) {
      const r = await get(`${base()}/${path}`, token);
      assert.equal(r.status, 404, path);
      assert.equal((r.body.error as { code: string }).code, 'UnknownError');
    }
  });

  it('serves the same tenant with serviceActivity ineligible, and works inside $batch with Prefer per item', async () => {
    await sim.close();
    ({ sim, clock } = await startTestSim({ tenants: { [TENANT]: { seats: 200, eligible: false } } }));
    token = appToken(sim, HEALTH);
    const batch = await postJson(
      `${sim.url}/v1.0/$batch`,
      {
        requests: [
          { id: '1', method: 'GET', url: '/admin/serviceAnnouncement/healthOverviews' },
          {
            id: '2',
            method: 'GET',
            url: '/admin/serviceAnnouncement/messages',
            headers: { Prefer: 'odata.maxpagesize=10' },
          },
        ],
      },
      token,
    );
    assert.equal(batch.status, 200);
    const [a, b] = batch.body.responses!;
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal((b.body.value as unknown[]).length, 10);
    assert.ok(b.body['@odata.nextLink']);
  });

  it('throttles at 240 requests a minute per app and tenant with Retry-After', async () => {
    for (let i = 0; i < 240; i++) {
      const r = await fetch(`${base()}/healthOverviews?$select=status`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(r.status, 200);
      await r.arrayBuffer();
    }
    const r = await get(`${base()}/healthOverviews`, token);
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
  });
});
