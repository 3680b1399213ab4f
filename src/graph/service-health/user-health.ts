import type { CallOptions } from '../client-types';
import type { MetricsApiError } from '../errors';
import type { Caller } from '../metrics-reader';
import type { ServiceMessage } from '../../service-health/types';
import { issueOrder } from '../../service-health/issue-order';
import type { HealthView, IssueDetail, MessagesView, ServiceHealthReader } from '../../service-health/reader';
import { parseIssue } from '../../service-health/parse';
import type { HealthAccess } from './health-access';
import type { ServiceHealthClient } from './health-client';
import { itemPath } from './health-paths';
import type { ServiceHealthPoller, TenantHealth } from './health-poller';

function messageOrder(a: ServiceMessage, b: ServiceMessage): number {
  return b.lastModifiedDateTime.localeCompare(a.lastModifiedDateTime) || a.id.localeCompare(b.id);
}

/** The process-wide service health objects a user's reader is built on. */
export interface HealthServices {
  client: ServiceHealthClient;
  poller: ServiceHealthPoller;
  access: HealthAccess;
}

/**
 * Service health for one signed-in user of one tenant: every Graph call carries their own token, the user must
 * pass HealthAccess before cached data is shown, and the tenant's poller does the reading (at most once a minute).
 */
export class UserServiceHealth implements ServiceHealthReader {
  private readonly tenantId: string;
  private readonly opts: CallOptions;

  constructor(
    private readonly services: HealthServices,
    private readonly caller: Caller,
    opts: CallOptions = {},
  ) {
    this.tenantId = caller.tenantId;
    this.opts = { ...opts, token: caller.token };
  }

  async health(): Promise<HealthView> {
    const health = await this.read(false);
    return {
      tenantId: this.tenantId,
      issues: [...health.issues.values()].sort(issueOrder),
      overviews: health.overviews,
      asOf: health.issuesAt,
      staleReason: health.errors.health?.message,
    };
  }

  async issue(id: string): Promise<IssueDetail | undefined> {
    const health = await this.read(false);
    const key = id.trim().toUpperCase();
    const known = [...health.issues.values()].find((i) => i.id.toUpperCase() === key);
    if (known) return { issue: known, history: health.statusHistory.get(known.id) ?? [] };
    const raw = await this.services.client.getOne(
      this.tenantId,
      { resource: 'health', path: itemPath('issues', id) },
      this.opts,
    );
    const issue = raw === undefined ? undefined : parseIssue(raw);
    return issue ? { issue, history: [{ status: issue.status, at: issue.lastModifiedDateTime }] } : undefined;
  }

  async messages(): Promise<MessagesView> {
    const health = await this.read(true);
    if (health.messagesAt === undefined && health.errors.messages) throw health.errors.messages;
    return {
      tenantId: this.tenantId,
      messages: [...health.messages.values()].sort(messageOrder),
      asOf: health.messagesAt,
      staleReason: health.errors.messages?.message,
    };
  }

  private async read(messages: boolean): Promise<TenantHealth> {
    const resource = messages ? 'messages' : 'health';
    const verdict = await this.services.access.check(this.caller, resource);
    if (!verdict.allowed) throw verdict.error;
    const { health } = await this.services.poller.poll(this.tenantId, { ...this.opts, messages });
    const error: MetricsApiError | undefined = health.errors.health;
    if (!messages && health.issuesAt === undefined && error) throw error;
    return health;
  }
}
