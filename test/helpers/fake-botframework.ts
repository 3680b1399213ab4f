import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A loopback stand-in for the Bot Framework channel's identity endpoints, following the documented protocol:
 * an OpenID configuration and JWKS (keys endorsed for msteams) that inbound tokens are checked against, and an
 * Entra v2 token endpoint that issues the bot's outbound token for client credentials.
 */
export class FakeBotFramework {
  readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly tokenRequests: URLSearchParams[] = [];
  url = '';
  private server?: http.Server;

  /**
   * @param entraUrl when set, token requests for anything but the Bot Framework go to this Entra emulator's token
   * endpoint (one msal authority metadata then serves the bot's token and on-behalf-of, as the real
   * login.microsoftonline.com does).
   */
  constructor(
    readonly appId: string,
    readonly appPassword: string,
    readonly entraUrl?: string,
  ) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => this.route(req, res, raw));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** The environment that points the bot at this fake: the full override set plus msal authority metadata. */
  botEnv(): Record<string, string> {
    return {
      BOT_ID: this.appId,
      BOT_PASSWORD: this.appPassword,
      AAD_APP_CLIENT_ID: this.appId,
      AAD_APP_CLIENT_SECRET: this.appPassword,
      AAD_APP_TENANT_ID: 'organizations',
      TOKEN_CACHE_KEY: Buffer.alloc(32, 9).toString('base64'),
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/v1/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/v1/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: `${this.url}/oauth`,
      ValidateAuthority: 'false',
      MSAL_AUTHORITY_METADATA: JSON.stringify({
        token_endpoint: `${this.url}/botframework.com/oauth2/v2.0/token`,
        issuer: 'https://login.microsoftonline.com/botframework.com/v2.0',
        authorization_endpoint: `${this.url}/botframework.com/oauth2/v2.0/authorize`,
        end_session_endpoint: `${this.url}/botframework.com/oauth2/v2.0/logout`,
        jwks_uri: `${this.url}/keys`,
      }),
    };
  }

  /** A channel token as Teams would send it; `overrides` and `options` make the bad variants. */
  channelToken(
    serviceUrl: string,
    overrides: Record<string, unknown> = {},
    options: { key?: KeyObject; kid?: string; expiresInSec?: number; algorithm?: jwt.Algorithm } = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'https://api.botframework.com',
      aud: this.appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + (options.expiresInSec ?? 3600),
      ...overrides,
    };
    if (options.algorithm === 'none')
      return jwt.sign(claims, '', { algorithm: 'none', header: { alg: 'none', kid: 'k1' } as jwt.JwtHeader });
    return jwt.sign(claims, options.key ?? this.key.privateKey, {
      algorithm: options.algorithm ?? 'RS256',
      keyid: options.kid ?? 'k1',
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/v1/.well-known/openidconfiguration')
      return send(200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: `${this.url}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (path === '/keys') {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return send(200, {
        keys: [{ kty: jwk.kty, use: 'sig', kid: 'k1', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
      });
    }
    // msal puts the authority's tenant into the metadata's token endpoint, so any tenant segment arrives here.
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (tokenPath && req.method === 'POST') {
      const form = new URLSearchParams(raw);
      this.tokenRequests.push(form);
      if (this.entraUrl && form.get('scope') !== 'https://api.botframework.com/.default') {
        void fetch(`${this.entraUrl}/${tokenPath[1]}/oauth2/v2.0/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: raw,
        }).then(async (r) => send(r.status, (await r.json()) as object));
        return;
      }
      if (form.get('client_id') !== this.appId || form.get('client_secret') !== this.appPassword)
        return send(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      const token = jwt.sign(
        {
          aud: 'https://api.botframework.com',
          appid: this.appId,
          iss: 'https://sts.windows.net/botframework/',
        },
        this.key.privateKey,
        {
          algorithm: 'RS256',
          keyid: 'k1',
          expiresIn: 3600,
        },
      );
      return send(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }
    send(404, { error: 'not found' });
  }
}
