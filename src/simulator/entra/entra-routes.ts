import { delay, readBody, sendJson } from '../http-util';
import { entry, type Route } from '../routes';
import { openIdConfiguration } from './discovery';
import { jwks } from './keys';
import { handleTokenRequest } from './token-endpoint';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** The Entra emulator: `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/discovery/v2.0/keys`, token. */
export const entraRoute: Route = async (ctx) => {
  const { state, req, res, path } = ctx;
  const config = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
  if (config && req.method === 'GET') {
    sendJson(res, 200, openIdConfiguration(state.baseUrl, decodeURIComponent(config[1])));
    return [entry(ctx, 'discovery', 200)];
  }
  if (/^\/([^/]+)\/discovery\/(v2\.0\/)?keys$/.test(path) && req.method === 'GET') {
    sendJson(res, 200, jwks(state.key));
    return [entry(ctx, 'discovery', 200)];
  }
  const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
  if (!token) return undefined;
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'The token endpoint requires POST.' });
    return [entry(ctx, 'token', 405)];
  }
  const form = new URLSearchParams(await readBody(req));
  const tenant = decodeURIComponent(token[1]);
  const out = handleTokenRequest(form, req.headers, {
    key: state.key,
    clients: state.clients,
    now: state.now(),
    tokenLifetimeSeconds: state.tokenLifetimeSeconds,
    tenant,
  });
  await delay(state.latencyMs);
  sendJson(res, out.status, out.body, NO_STORE);
  return [
    entry(ctx, 'token', out.status, {
      tenant,
      grantType: form.get('grant_type') ?? undefined,
      clientId: form.get('client_id') ?? undefined,
      note: out.status === 200 ? undefined : String(out.body.error),
    }),
  ];
};
