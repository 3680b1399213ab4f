import assert from 'node:assert/strict';
import { SdkTransport } from '../../src/graph/sdk-transport';
import { startFakeGraph, type FakeGraph } from './helpers/fake-graph';

describe('graph/sdk-transport', () => {
  let fake: FakeGraph | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const send = (t: SdkTransport, path: string, getAccessToken = async () => 'tok') =>
    t.send({
      method: 'GET',
      path,
      getAccessToken,
      signal: new AbortController().signal,
      clientRequestId: 'cid-1',
    });

  it('returns non-2xx answers raw instead of throwing, with headers and text', async () => {
    fake = await startFakeGraph(() => ({
      status: 429,
      headers: { 'Retry-After': '3' },
      body: { error: { code: 'TooManyRequests' } },
    }));
    const raw = await send(new SdkTransport(fake.url), '/reports/serviceActivity/getX()');
    assert.equal(raw.status, 429);
    assert.equal(raw.headers.get('retry-after'), '3');
    assert.match(String(raw.body), /TooManyRequests/);
    assert.equal(fake.calls[0].authorization, 'Bearer tok');
    assert.equal(fake.calls[0].clientRequestId, 'cid-1');
  });

  it('refuses to attach a token for another origin (absolute URL to a foreign host)', async () => {
    fake = await startFakeGraph(() => ({ status: 200, body: {} }));
    let asked = 0;
    const t = new SdkTransport(fake.url);
    // The SDK lets an absolute https URL override the base; the token must not follow it.
    await assert.rejects(
      send(t, 'https://evil.example/beta/me', async () => `tok${++asked}`),
      /Refusing to send a Graph token to https:\/\/evil\.example/,
    );
    assert.equal(asked, 0);
  });

  it('an empty token is a TokenUnavailableError, not an anonymous request', async () => {
    fake = await startFakeGraph(() => ({ status: 200, body: {} }));
    await assert.rejects(
      send(new SdkTransport(fake.url), '/x', async () => ''),
      {
        name: 'TokenUnavailableError',
        message: /empty token/,
      },
    );
    assert.equal(fake.calls.length, 0);
  });
});
