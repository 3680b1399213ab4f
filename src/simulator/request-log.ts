/** One request as the simulator saw it: never the token, only the claims that matter. */
export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  /** The decoded query string of service communications calls (`$filter=…`), when there was one. */
  query?: string;
  status: number;
  /** `graph`, `batch-item`, `batch`, `token`, `discovery`, `control` or `other`. */
  kind: string;
  tenant?: string;
  fn?: string;
  appId?: string;
  scp?: string;
  roles?: readonly string[];
  /** Token endpoint: grant type and client id (never secrets or assertions). */
  grantType?: string;
  clientId?: string;
  /** Injected fault or throttling that shaped the answer. */
  note?: string;
}

/** Fixed-size ring of recent requests, oldest first. */
export class RequestLog {
  private readonly items: RequestLogEntry[] = [];

  constructor(private readonly size = 500) {}

  add(entry: RequestLogEntry): void {
    this.items.push(entry);
    if (this.items.length > this.size) this.items.splice(0, this.items.length - this.size);
  }

  entries(limit?: number): RequestLogEntry[] {
    return limit === undefined ? [...this.items] : this.items.slice(-limit);
  }

  clear(): void {
    this.items.length = 0;
  }
}
