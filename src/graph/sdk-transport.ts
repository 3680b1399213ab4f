import {
  AuthenticationHandlerOptions,
  Client,
  GraphClientError,
  HTTPMessageHandler,
  ResponseType,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { HeaderLookup } from './retry-after';

/** Raised inside the middleware chain when the per-tenant token provider fails; mapped to SignInRequired. */
export class TokenUnavailableError extends GraphClientError {
  constructor(readonly reason: string) {
    super(`Could not get a Microsoft Graph token: ${reason}`);
    // GraphClientError resets the prototype to its own; restore ours so `instanceof` works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * Adds `Authorization: Bearer …` from the request's own `AuthenticationHandlerOptions` provider (one per tenant), and
 * only for the configured Graph origin. The SDK's AuthenticationHandler does the same but only for https Graph
 * hosts, which excludes the loopback simulator, so this replaces it; the provider contract is the SDK's.
 */
export class TenantAuthHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly origin: string) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin !== this.origin) {
      throw new GraphClientError(`Refusing to send a Graph token to ${new URL(url).origin}`);
    }
    const options = context.middlewareControl?.getMiddlewareOptions(AuthenticationHandlerOptions) as
      AuthenticationHandlerOptions | undefined;
    const provider = options?.authenticationProvider;
    if (!provider) throw new TokenUnavailableError('no token provider was given for this request');
    let token: string;
    try {
      token = await provider.getAccessToken(options.authenticationProviderOptions);
    } catch (e) {
      throw new TokenUnavailableError(e instanceof Error ? e.message : String(e));
    }
    if (!token) throw new TokenUnavailableError('the token provider returned an empty token');
    const headers = { ...(context.options?.headers as Record<string, string> | undefined) };
    headers.Authorization = `Bearer ${token}`;
    context.options = { ...context.options, headers };
    if (!this.next) throw new GraphClientError('TenantAuthHandler must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The raw answer our code parses and maps; the SDK never interprets it. */
export interface RawResponse {
  status: number;
  headers: HeaderLookup;
  /** Text of an HTTP response, or the already-parsed JSON of a `$batch` item. */
  body: unknown;
}

export interface SendRequest {
  method: 'GET' | 'POST';
  /** Path relative to `{base}/{version}`, e.g. `/reports/serviceActivity/…` or `/$batch`; may carry a query. */
  path: string;
  /** Graph version segment; default `beta` (serviceActivity), `v1.0` for the service communications API. */
  version?: GraphVersion;
  /** Extra request headers, e.g. `Prefer: odata.maxpagesize=1000`. */
  headers?: Record<string, string>;
  body?: unknown;
  getAccessToken: () => Promise<string>;
  signal: AbortSignal;
  clientRequestId: string;
}

/** The Graph version segments Pulse calls. */
export type GraphVersion = 'beta' | 'v1.0';

/** Thin wrapper over `Client.initWithMiddleware`: auth per request, raw responses, beta unless a call says v1.0. */
export class SdkTransport {
  private readonly client: Client;

  constructor(readonly baseUrl: string) {
    this.client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: 'beta',
      middleware: [new TenantAuthHandler(new URL(baseUrl).origin), new HTTPMessageHandler()],
    });
  }

  /** Sends one request; resolves with any HTTP status, rejects only when no response arrived. */
  async send(req: SendRequest): Promise<RawResponse> {
    const request = this.client
      .api(req.path)
      .version(req.version ?? 'beta')
      .responseType(ResponseType.RAW)
      .headers({ ...req.headers, 'client-request-id': req.clientRequestId })
      .option('signal', req.signal)
      .middlewareOptions([new AuthenticationHandlerOptions({ getAccessToken: req.getAccessToken })]);
    const response = (await (req.method === 'GET' ? request.get() : request.post(req.body))) as Response;
    return { status: response.status, headers: response.headers, body: await response.text() };
  }
}
