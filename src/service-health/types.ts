/** `serviceHealthClassificationType`; anything newer reads as `unknown`. */
export type IssueClassification = 'incident' | 'advisory' | 'unknown';

/** One update Microsoft posted on an issue, its HTML reduced to text. */
export interface IssuePost {
  /** ISO instant. */
  createdAt: string;
  /** `regular`, `quick`, `strategic`, or `unknown`. */
  type: string;
  text: string;
}

/** A Microsoft incident or advisory (`serviceHealthIssue`), normalised and safe to render. */
export interface HealthIssue {
  id: string;
  title: string;
  /** Service name exactly as Graph spells it, e.g. `Exchange Online`. */
  service: string;
  feature?: string;
  featureGroup?: string;
  classification: IssueClassification;
  /** `serviceHealthStatus` in its camelCase spelling (`serviceDegradation`), whatever case Graph used. */
  status: string;
  isResolved: boolean;
  impactDescription: string;
  startDateTime: string;
  endDateTime?: string;
  /** ISO instant; together with `id` the identity of one version of the issue. */
  lastModifiedDateTime: string;
  /** Oldest first. */
  posts: readonly IssuePost[];
}

/** A service's current health (`serviceHealth`). */
export interface ServiceOverview {
  id: string;
  service: string;
  status: string;
}

/** A Message center post (`serviceUpdateMessage`), body reduced to text. */
export interface ServiceMessage {
  id: string;
  title: string;
  services: readonly string[];
  /** `preventOrFixIssue`, `planForChange`, `stayInformed`, or `unknown`. */
  category: string;
  /** `normal`, `high`, `critical`, or `unknown`. */
  severity: string;
  tags: readonly string[];
  isMajorChange: boolean;
  /** ISO instant by which admins must act, when Microsoft set one. */
  actionRequiredBy?: string;
  startDateTime: string;
  endDateTime?: string;
  lastModifiedDateTime: string;
  text: string;
  /** Only for delegated reads (application reads have no viewpoint). */
  isRead?: boolean;
}

/** When Pulse saw an issue move to a status: Graph keeps only the current status, Pulse keeps the history. */
export interface StatusChange {
  status: string;
  /** The issue's `lastModifiedDateTime` when Pulse first saw this status. */
  at: string;
}
