import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Faults a proxy injects, as shares in [0, 1] of the requests `applies` accepts (drawn from a seeded sequence). */
export interface ProxyFaults {
  /** Answer 429 with `Retry-After: retryAfterSeconds` (default 1). */
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** Answer one of `errorStatuses` (default 503), with `Retry-After` when `retryAfterSeconds` is set. */
  errorRate?: number;
  errorStatuses?: readonly number[];
  /** Destroy the client's connection without an answer. */
  resetRate?: number;
  /** Hold the request `slowMs` (default 2,000) before forwarding it: a slow answer or, past a client's limit, a timeout. */
  slowRate?: number;
  slowMs?: number;
  /** Which requests may be faulted (default all). */
  applies?: (req: { method: string; url: string }) => boolean;
}

/** Kinds of injected faults, counted per proxy. */
export type FaultKind = 'throttle' | 'error' | 'reset' | 'slow';

/**
 * A loopback HTTP reverse proxy in front of a real service (Azurite, the simulated Graph, the capture connector) that
 * injects faults before the request reaches it: nothing the upstream answers is ever dropped or altered, so a faulted
 * request is one the service never saw, as with a load balancer's 503 or a connection reset on the way in. A held
 * ("slow") request whose client goes away meanwhile (a killed process) is not forwarded either.
 */
export class FaultProxy {
  readonly injected: Record<FaultKind, number> = { throttle: 0, error: 0, reset: 0, slow: 0 };
  /** Requests forwarded to the upstream. */
  forwarded = 0;
  /** Called with each request before it is forwarded; return a promise to hold it until it settles. */
  hold?: (req: { method: string; url: string; body: Buffer }) => Promise<void> | undefined;
  private faults: ProxyFaults = {};
  private server?: http.Server;
  private draws = 0;
  private readonly agent = new http.Agent({ keepAlive: true });
  private upstream = '';

  /** @param seed of the fault draws: the same seed and requests fault the same calls. */
  constructor(private readonly seed = 1) {}

  /** Replaces the faults in force (`{}` stops injecting). */
  set(faults: ProxyFaults): void {
    this.faults = { ...faults };
  }

  /** Total faults injected. */
  total(): number {
    return Object.values(this.injected).reduce((a, b) => a + b, 0);
  }

  /** Listens on a free loopback port in front of `upstream` (an origin, e.g. `http://127.0.0.1:10000`). */
  async start(upstream: string): Promise<string> {
    this.upstream = upstream;
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  /** A deterministic uniform draw in [0, 1) (mulberry32 over the seed and a counter). */
  private draw(): number {
    let t = (this.seed * 0x9e3779b1 + this.draws++ * 0x6d2b79f5) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let gone = false;
    res.on('close', () => (gone = !res.writableFinished));
    const f = this.faults;
    const call = { method: req.method ?? 'GET', url: req.url ?? '/' };
    if (!f.applies || f.applies(call)) {
      const u = this.draw();
      let edge = f.throttleRate ?? 0;
      if (u < edge) {
        this.injected.throttle++;
        res.writeHead(429, {
          'retry-after': String(f.retryAfterSeconds ?? 1),
          'content-type': 'application/json',
        });
        res.end('{"error":{"code":"TooManyRequests","message":"injected"}}');
        return;
      }
      edge += f.errorRate ?? 0;
      if (u < edge) {
        this.injected.error++;
        const statuses = f.errorStatuses ?? [503];
        const status = statuses[Math.floor(this.draw() * statuses.length)];
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-ms-error-code': 'ServerBusy',
          ...(f.retryAfterSeconds ? { 'retry-after': String(f.retryAfterSeconds) } : {}),
        });
        res.end('{"error":{"code":"ServiceUnavailable","message":"injected"}}');
        return;
      }
      edge += f.resetRate ?? 0;
      if (u < edge) {
        this.injected.reset++;
        req.socket.destroy();
        return;
      }
      edge += f.slowRate ?? 0;
      if (u < edge) {
        this.injected.slow++;
        await new Promise((r) => setTimeout(r, f.slowMs ?? 2_000));
      }
    }
    await this.hold?.({ ...call, body });
    if (gone || req.socket.destroyed) return; // the client went away while held: the upstream never sees it
    this.forwarded++;
    const headers = { ...req.headers, host: new URL(this.upstream).host };
    const out = http.request(
      new URL(req.url ?? '/', this.upstream),
      { method: req.method, headers, agent: this.agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  }
}
