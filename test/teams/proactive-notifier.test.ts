import assert from 'node:assert/strict';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ProactiveNotifier } from '../../src/teams/proactive-notifier';
import { CaptureConnector } from '../helpers/capture-connector';

describe('ProactiveNotifier over HTTP (capture connector)', function () {
  this.timeout(20_000);
  let connector: CaptureConnector;
  let notifier: ProactiveNotifier;
  let reference: Record<string, unknown>;

  beforeEach(async () => {
    connector = new CaptureConnector();
    const serviceUrl = await connector.start();
    notifier = new ProactiveNotifier(
      new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({})),
      '',
    );
    reference = {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: '19:m365-alerts@thread.tacv2', conversationType: 'channel', tenantId: 't' },
      bot: { id: '28:bot', name: 'M365 Pulse' },
    };
  });
  afterEach(() => connector.stop());

  it('posts a card and returns its activity id, then updates that message in place', async () => {
    const id = await notifier.post(reference, { type: 'AdaptiveCard', version: '1.5', body: [] });
    assert.match(id, /^captured-/);
    await notifier.update(reference, id, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'v2' }],
    });
    const put = connector.calls.find((c) => c.method === 'PUT')!;
    assert.equal(
      put.path,
      `/v3/conversations/${encodeURIComponent('19:m365-alerts@thread.tacv2')}/activities/${id}`,
    );
    assert.match(JSON.stringify(put.body), /v2/);
  });

  it('surfaces 403 as a "gone" DeliveryError without retrying', async () => {
    connector.respondWith = () => ({ status: 403, body: { error: { code: 'BotNotInConversationRoster' } } });
    await assert.rejects(
      notifier.post(reference, {}),
      (e: { status?: number; gone?: boolean }) => e.status === 403 && e.gone === true,
    );
  });
});
