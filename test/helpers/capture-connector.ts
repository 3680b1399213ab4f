import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector API. */
export interface CapturedCall {
  method: string;
  path: string;
  conversationId: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** The activity id this fake answered with (what the bot later updates). */
  responseId?: string;
}

/**
 * A loopback stand-in for the Bot Connector service (`serviceUrl`): records every
 * POST/PUT to /v3/conversations/{id}/activities[/{replyTo}] and answers with an activity id, as Teams does.
 */
export class CaptureConnector {
  readonly calls: CapturedCall[] = [];
  private server?: http.Server;
  private nextId = 1;
  /** Optional override: answer with this status instead of 200 (for failure tests). */
  respondWith?: (
    call: CapturedCall,
  ) => { status: number; headers?: Record<string, string>; body?: object } | undefined;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        const call: CapturedCall = {
          method: req.method ?? '',
          path: req.url ?? '',
          conversationId: m ? decodeURIComponent(m[1]) : '',
          authorization: req.headers.authorization,
          body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        };
        this.calls.push(call);
        const custom = this.respondWith?.(call);
        if (!custom?.body) call.responseId = `captured-${this.nextId++}`;
        res.writeHead(custom?.status ?? 200, { 'content-type': 'application/json', ...custom?.headers });
        res.end(JSON.stringify(custom?.body ?? { id: call.responseId }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Calls that carry a message (typing indicators left out). */
  messages(): CapturedCall[] {
    return this.calls.filter((c) => c.body.type === 'message');
  }

  /** Adaptive Cards the bot sent, in order. */
  cards(): Record<string, unknown>[] {
    return this.messages().flatMap((c) =>
      ((c.body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
  }

  clear(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
