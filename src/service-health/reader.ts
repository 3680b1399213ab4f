import type { HealthIssue, ServiceMessage, ServiceOverview, StatusChange } from './types';

/** A tenant's service health as one user may see it. */
export interface HealthView {
  tenantId: string;
  /** Open issues first, then by newest update. */
  issues: readonly HealthIssue[];
  overviews: readonly ServiceOverview[];
  /** When the issues were last read from Microsoft (epoch ms). */
  asOf?: number;
  /** The latest refresh failed (throttled, network …): the data shown is from `asOf`. */
  staleReason?: string;
}

/** One issue with the statuses Pulse saw it in. */
export interface IssueDetail {
  issue: HealthIssue;
  history: readonly StatusChange[];
}

/** Message center posts as one user may see them, newest first. */
export interface MessagesView {
  tenantId: string;
  messages: readonly ServiceMessage[];
  asOf?: number;
  staleReason?: string;
}

/**
 * What chat commands may ask about Microsoft's service health for the signed-in user. Reads use the user's own
 * token (Graph checks their permission and admin role); failures reject with the typed Graph errors.
 */
export interface ServiceHealthReader {
  health(): Promise<HealthView>;
  /** Undefined when Microsoft has no issue with this id (or it left the 30-day history). */
  issue(id: string): Promise<IssueDetail | undefined>;
  messages(): Promise<MessagesView>;
}
