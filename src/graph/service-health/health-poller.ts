import type { CallOptions } from '../client-types';
import type { MetricsApiError } from '../errors';
import {
  highWaterMark,
  mergeIssues,
  mergeMessages,
  recordStatus,
  type IssueChange,
} from '../../service-health/merge';
import { parseAll, parseIssue, parseMessage, parseOverview } from '../../service-health/parse';
import type { HealthIssue, ServiceMessage, ServiceOverview, StatusChange } from '../../service-health/types';
import type { CollectionRequest, ServiceHealthClient } from './health-client';
import { collectionPath, modifiedSinceFilter } from './health-paths';

/** How often each part is read; a tenant is never polled more than once per `minIntervalMs`. */
export interface PollSchedule {
  minIntervalMs: number;
  overviewsEveryMs: number;
  messagesEveryMs: number;
  /** A full issue listing (drops issues that left Graph's history); in between, only changes are asked for. */
  fullSweepEveryMs: number;
  /** Incremental reads ask from the newest `lastModifiedDateTime` minus this much, for late writes on Graph's side. */
  overlapMs: number;
}

/** Issues every minute at most, overviews every 5 minutes, messages every 30, a full issue sweep hourly. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
  minIntervalMs: 60_000,
  overviewsEveryMs: 5 * 60_000,
  messagesEveryMs: 30 * 60_000,
  fullSweepEveryMs: 60 * 60_000,
  overlapMs: 10 * 60_000,
};

/** What Pulse knows of one tenant's service health, as of its last poll. Treat as read-only. */
export interface TenantHealth {
  tenantId: string;
  issues: ReadonlyMap<string, HealthIssue>;
  /** Statuses Pulse saw each issue in, oldest first (Graph keeps only the current one). */
  statusHistory: ReadonlyMap<string, readonly StatusChange[]>;
  overviews: readonly ServiceOverview[];
  messages: ReadonlyMap<string, ServiceMessage>;
  /** When each part was last read successfully (epoch ms). */
  issuesAt?: number;
  overviewsAt?: number;
  messagesAt?: number;
  fullSweepAt?: number;
  /** When the tenant was last polled, successfully or not. */
  polledAt?: number;
  /** The latest failure of each part; its older data stays in place. */
  errors: { health?: MetricsApiError; messages?: MetricsApiError };
  issuesHwm?: number;
  messagesHwm?: number;
}

/** One poll: what changed (nothing when `skipped` or when Graph had no news) and how many HTTP requests it took. */
export interface PollResult {
  health: TenantHealth;
  changes: readonly IssueChange[];
  changedMessages: readonly string[];
  skipped: boolean;
  httpRequests: number;
}

export interface PollOptions extends CallOptions {
  /** Also read Message center posts when they are due (the monitor does not need them). */
  messages?: boolean;
}

function empty(tenantId: string): TenantHealth {
  return {
    tenantId,
    issues: new Map(),
    statusHistory: new Map(),
    overviews: [],
    messages: new Map(),
    errors: {},
  };
}

/**
 * Incremental service health per tenant. A poll asks Graph only for issues modified since the newest one it knows
 * (minus an overlap), plus overviews and messages when they are due, all in one `$batch` when more than one part is
 * due; a tenant is polled at most once a minute, and concurrent polls of a tenant share one flight. When Graph has
 * no news, the poll is that one request and nothing else: no further reads, no new objects, no changes reported.
 */
export class ServiceHealthPoller {
  private readonly tenants = new Map<string, TenantHealth>();
  private readonly flights = new Map<string, Promise<PollResult>>();

  constructor(
    private readonly client: ServiceHealthClient,
    private readonly now: () => number = Date.now,
    private readonly schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
  ) {}

  /** The tenant's service health as last polled, or undefined before its first poll. */
  current(tenantId: string): TenantHealth | undefined {
    return this.tenants.get(key(tenantId));
  }

  /** Polls the tenant unless it was polled within the minute (then returns what is known, `skipped`). */
  poll(tenantId: string, opts: PollOptions = {}): Promise<PollResult> {
    const k = key(tenantId);
    const inFlight = this.flights.get(k);
    if (inFlight)
      return inFlight.then((r) => ({
        ...r,
        changes: [],
        changedMessages: [],
        skipped: true,
        httpRequests: 0,
      }));
    const known = this.tenants.get(k) ?? empty(tenantId);
    const now = this.now();
    const messagesDue = opts.messages === true && due(known.messagesAt, this.schedule.messagesEveryMs, now);
    const recent = known.polledAt !== undefined && now - known.polledAt < this.schedule.minIntervalMs;
    // Within the minute, only a first read of messages goes out (a `messages` command right after a monitor poll).
    const messagesOnly = recent && messagesDue && known.messagesAt === undefined;
    if (recent && !messagesOnly) {
      return Promise.resolve({
        health: known,
        changes: [],
        changedMessages: [],
        skipped: true,
        httpRequests: 0,
      });
    }
    const flight = this.run(tenantId, known, now, messagesDue, messagesOnly, opts).finally(() =>
      this.flights.delete(k),
    );
    this.flights.set(k, flight);
    return flight;
  }

  private async run(
    tenantId: string,
    known: TenantHealth,
    now: number,
    withMessages: boolean,
    messagesOnly: boolean,
    opts: CallOptions,
  ) {
    const s = this.schedule;
    const full = due(known.fullSweepAt, s.fullSweepEveryMs, now);
    const since = known.issuesHwm ?? known.fullSweepAt;
    const issuesReq: CollectionRequest = {
      resource: 'health',
      path: collectionPath(
        'issues',
        full || since === undefined ? undefined : modifiedSinceFilter(since - s.overlapMs),
      ),
    };
    const parts: { name: 'issues' | 'overviews' | 'messages'; req: CollectionRequest }[] = messagesOnly
      ? []
      : [{ name: 'issues', req: issuesReq }];
    if (!messagesOnly && due(known.overviewsAt, s.overviewsEveryMs, now))
      parts.push({ name: 'overviews', req: { resource: 'health', path: collectionPath('healthOverviews') } });
    const messagesFull = known.messagesHwm === undefined;
    if (withMessages) {
      const filter = messagesFull ? undefined : modifiedSinceFilter(known.messagesHwm! - s.overlapMs);
      parts.push({
        name: 'messages',
        req: { resource: 'messages', path: collectionPath('messages', filter) },
      });
    }
    const before = this.client.stats.httpRequests;
    const results = await this.client.getMany(
      tenantId,
      parts.map((p) => p.req),
      opts,
    );
    const next: TenantHealth = {
      ...known,
      polledAt: messagesOnly ? known.polledAt : now,
      errors: { ...known.errors },
    };
    let changes: IssueChange[] = [];
    let changedMessages: string[] = [];
    parts.forEach((p, i) => {
      const r = results[i];
      if (!r.ok) {
        next.errors[p.req.resource] = r.error;
        return;
      }
      if (p.name === 'issues') {
        const merged = mergeIssues(known.issues, parseAll(r.values, parseIssue).items, full);
        changes = merged.changes;
        if (changes.length || merged.dropped.length) {
          next.issues = merged.issues;
          const history = new Map(known.statusHistory);
          for (const id of merged.dropped) history.delete(id);
          for (const c of changes)
            history.set(c.issue.id, recordStatus(history.get(c.issue.id) ?? [], c.issue));
          next.statusHistory = history;
          next.issuesHwm = highWaterMark(next.issues.values(), known.issuesHwm);
        }
        next.issuesAt = now;
        if (full) next.fullSweepAt = now;
        delete next.errors.health;
      } else if (p.name === 'overviews') {
        const overviews = parseAll(r.values, parseOverview).items;
        if (!sameOverviews(known.overviews, overviews)) next.overviews = overviews;
        next.overviewsAt = now;
      } else {
        const merged = mergeMessages(known.messages, parseAll(r.values, parseMessage).items, messagesFull);
        changedMessages = merged.changed;
        if (changedMessages.length) {
          next.messages = merged.messages;
          next.messagesHwm = highWaterMark(merged.messages.values(), known.messagesHwm);
        }
        next.messagesAt = now;
        delete next.errors.messages;
      }
    });
    this.tenants.set(key(tenantId), next);
    return {
      health: next,
      changes,
      changedMessages,
      skipped: false,
      httpRequests: this.client.stats.httpRequests - before,
    };
  }
}

function due(last: number | undefined, everyMs: number, now: number): boolean {
  return last === undefined || now - last >= everyMs;
}

function sameOverviews(a: readonly ServiceOverview[], b: readonly ServiceOverview[]): boolean {
  return a.length === b.length && a.every((o, i) => o.service === b[i].service && o.status === b[i].status);
}

function key(tenantId: string): string {
  return tenantId.toLowerCase();
}
