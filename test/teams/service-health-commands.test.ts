import assert from 'node:assert/strict';
import {
  ALL_PERMISSIONS,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  startSimulator,
  type SimulatorOptions,
} from '../../src/simulator';
import { activity, post, TENANT } from '../helpers/activities';
import { startHarness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';

const text = (card: unknown) => JSON.stringify(card);

/** The bot against one simulated tenant, talking through the capture connector. */
async function startPair(opts: SimulatorOptions) {
  const sim = await startSimulator(opts);
  const connector = new CaptureConnector();
  const serviceUrl = await connector.start();
  const h = await startHarness(demoIdentityEnv(sim), undefined, { monitor: false });
  const say = async (t: string) => {
    const res = await post(h.bot.url, activity(serviceUrl, { text: t }));
    assert.equal(res.status, 200);
    return text(connector.cards().at(-1)!);
  };
  return {
    sim,
    say,
    stop: async () => {
      await h.stop();
      await connector.stop();
      await sim.close();
    },
  };
}

describe("Microsoft's service health in chat (bot + simulated tenant)", function () {
  this.timeout(60_000);

  describe('a tenant with an Exchange incident under way', () => {
    let pair: Awaited<ReturnType<typeof startPair>>;
    let issueId: string;
    before(async () => {
      pair = await startPair({ scenarios: [{ name: 'mail-delivery-drop', startsInMinutes: -30 }] });
      const t = await pair.say('incidents');
      issueId = /\*\*(EX\d{6})\*\*/.exec(t)![1];
    });
    after(() => pair.stop());

    it('incidents: the open incident first, then the open advisory, each with id, status, classification and times', async () => {
      const t = await pair.say('incidents');
      assert.match(t, /1 open incident, 1 open advisory/);
      assert.ok(t.indexOf(issueId) < t.indexOf('IT684410'), 'incidents before advisories');
      assert.match(t, new RegExp(`\\*\\*${issueId}\\*\\* · Incident · Service degradation`));
      assert.match(t, /Exchange Online · Mail flow · started/);
      assert.match(t, /last update/);
      assert.match(t, new RegExp(`"value":"incident ${issueId}"`), 'a Details button per issue');
      assert.match(t, /Resolved in the last 7 days/);
      assert.match(t, /SP681204/);
    });

    it('incidents exchange: only the issues the catalog maps to Exchange; incidents intune: by Microsoft’s name', async () => {
      const ex = await pair.say('incidents exchange');
      assert.match(ex, new RegExp(issueId));
      assert.doesNotMatch(ex, /IT684410/);
      const intune = await pair.say('incidents intune');
      assert.match(intune, /IT684410/);
      assert.doesNotMatch(intune, new RegExp(issueId));
    });

    it('incident <id>: impact, status history and the updates as a timeline, with the admin center link', async () => {
      const t = await pair.say(`incident ${issueId.toLowerCase()}`);
      assert.match(t, /User impact/);
      assert.match(t, /delays when sending or receiving email/);
      assert.match(t, /Status history/);
      assert.match(t, /Service degradation/);
      assert.match(t, /Updates from Microsoft \(2\)/);
      assert.match(t, /\*\*Quick update\*\*/);
      assert.match(t, /Current status: A recent configuration change/);
      assert.doesNotMatch(t, /<p>/, 'HTML is reduced to text');
      assert.match(t, new RegExp(`admin\\.microsoft\\.com/#/servicehealth/:/alerts/${issueId}`));
      assert.match(t, /Your telemetry/);
      assert.match(
        t,
        /🔴 \*\*Mail delivery\*\* \(Exchange Online\)/,
        "the tenant's matching telemetry is on the card",
      );
    });

    it('incident with an unknown id answers clearly (Graph said 404)', async () => {
      const t = await pair.say('incident EX000001');
      assert.match(t, /No such incident/);
      assert.match(t, /no incident or advisory EX000001/);
    });

    it('messages: major changes with act-by dates first; changes teams: only Teams posts', async () => {
      const t = await pair.say('messages');
      assert.match(t, /Message center/);
      assert.match(t, /⚠️ Major change · 📅 Act by/);
      const teams = await pair.say('changes teams');
      assert.match(teams, /Microsoft Teams/);
      assert.doesNotMatch(teams, /Exchange Online ·/);
    });

    it("status: Microsoft's health state per service group next to the telemetry, and the open incidents", async () => {
      const t = await pair.say('status');
      assert.match(t, /Microsoft's service health/);
      assert.match(t, new RegExp(`"title":"Exchange Online","value":"⚠️ Service degradation · ${issueId}"`));
      assert.match(t, /"title":"Microsoft Teams","value":"✅ Healthy"/);
      assert.match(t, /"title":"Microsoft Intune"/);
      assert.match(t, /Open incidents and advisories \(2\)/);
      assert.match(t, /"verb":"status\.details"/, 'the telemetry tables are still there');
    });

    it("alerts keeps Pulse's own alerts", async () => {
      const t = await pair.say('alerts');
      assert.doesNotMatch(t, new RegExp(issueId));
    });
  });

  it('a tenant not eligible for serviceActivity gets service health and one clear note, no errors', async () => {
    const pair = await startPair({ tenants: { [TENANT]: { seats: 300, eligible: false } } });
    try {
      const t = await pair.say('status');
      assert.match(t, /usage telemetry is not available for this tenant/);
      assert.equal(t.match(/not available/g)?.length, 1, 'one note, not one error per metric');
      assert.match(t, /Microsoft's service health/);
      assert.doesNotMatch(t, /status\.details/);
      assert.match(await pair.say('incidents'), /IT684410/);
    } finally {
      await pair.stop();
    }
  });

  it('without the service health permissions: incidents names them; status keeps the telemetry with one line', async () => {
    const telemetryOnly = ALL_PERMISSIONS.filter(
      (p) => !p.startsWith('Service') || p.startsWith('ServiceActivity'),
    );
    const pair = await startPair({
      clients: {
        [DEMO_CLIENT_ID]: {
          secret: DEMO_CLIENT_SECRET,
          grantedAppRoles: telemetryOnly,
          grantedScopes: telemetryOnly,
        },
      },
    });
    try {
      const t = await pair.say('incidents');
      assert.match(t, /Permission missing/);
      assert.match(t, /ServiceHealth\.Read\.All/);
      const m = await pair.say('messages');
      assert.match(m, /ServiceMessage\.Read\.All/);
      const s = await pair.say('status');
      assert.match(s, /Could not read Microsoft's service health: .*ServiceHealth\.Read\.All/);
      assert.match(s, /"verb":"status\.details"/);
    } finally {
      await pair.stop();
    }
  });
});
