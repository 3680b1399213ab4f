import { metricByFn, serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { fnsInScope, type SubscriptionScope } from '../monitor/rule-scope';
import { serviceWord } from '../domain/service-match';
import { parseClockTime } from '../domain/time';
import type { QuietHours } from '../monitor/quiet-hours';

/** A daily window (24-hour `HH:MM`, end exclusive; `22:00`–`07:00` wraps midnight) in an IANA zone. */
export interface QuietSetting {
  from: string;
  to: string;
  timeZone: string;
}

/** The daily digest: the status card at `at` (`HH:MM`) in `timeZone`; `lastSentAt` (ISO) is kept by the sender. */
export interface DigestSetting {
  at: string;
  timeZone: string;
  lastSentAt?: string;
}

/** Alerts held because no identity can read the tenant's telemetry (see auth/monitor-identity.ts). */
export interface PausedState {
  /** ISO instant. */
  since: string;
  reason: string;
  /** Names of the admins who must sign in again. */
  admins: string[];
  /** The conversation was told about the pause. */
  notified: boolean;
}

/**
 * Which of Microsoft's issues (service health) a subscription also brings for its services: incidents unless turned
 * off (`unsubscribe exchange incidents`), advisories only when asked for (`subscribe exchange advisories`).
 */
export interface MicrosoftIssueSetting {
  incidents: boolean;
  advisories: boolean;
}

/** What a subscription stored before this setting existed (or without it) gets: incidents on, advisories off. */
export const DEFAULT_MICROSOFT_ISSUES: MicrosoftIssueSetting = { incidents: true, advisories: false };

/**
 * One conversation's subscription to the alerts of a scope. Quiet hours and the digest belong to the conversation:
 * `quiet` and `digest` set them on each of its subscriptions, and a new subscription copies them.
 */
export interface Subscription {
  /** `<conversation id>|<scope key>`, unique within the tenant. */
  id: string;
  tenantId: string;
  conversationId: string;
  scope: SubscriptionScope;
  /** Teams id, display name and Entra object id of whoever subscribed. */
  createdBy: { id: string; name: string; oid: string };
  /** ISO instant. */
  createdAt: string;
  quiet?: QuietSetting;
  digest?: DigestSetting;
  paused?: PausedState;
  /** The subscriber's locale (BCP 47) when they subscribed: alert cards format numbers and times for it. */
  locale?: string;
  /** The subscriber's IANA time zone when they subscribed: alert cards show times in it. */
  timeZone?: string;
  /** Microsoft's incidents and advisories for the scope's services; absent means `DEFAULT_MICROSOFT_ISSUES`. */
  microsoft?: MicrosoftIssueSetting;
}

/** The subscription's Microsoft issue setting, with the defaults for one stored without it (or with junk). */
export function microsoftIssuesOf(s: Pick<Subscription, 'microsoft'>): MicrosoftIssueSetting {
  const m = s.microsoft as Partial<MicrosoftIssueSetting> | undefined;
  return {
    incidents: typeof m?.incidents === 'boolean' ? m.incidents : DEFAULT_MICROSOFT_ISSUES.incidents,
    advisories: typeof m?.advisories === 'boolean' ? m.advisories : DEFAULT_MICROSOFT_ISSUES.advisories,
  };
}

/** "incidents", "incidents and advisories" or "none": what a setting brings, for cards and answers. */
export function microsoftIssuesText(m: MicrosoftIssueSetting): string {
  if (m.incidents && m.advisories) return 'incidents and advisories';
  if (m.incidents) return 'incidents';
  if (m.advisories) return 'advisories';
  return 'none';
}

/** The last part of a subscription's store key: `all`, `service:exchange`, `metric:mail-delivery`. */
export function scopeKey(scope: SubscriptionScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'service':
      return `service:${scope.service}`;
    case 'metric':
      return `metric:${metricByFn(scope.fn)?.id ?? scope.fn}`;
  }
}

/** For people: "all services", "Exchange Online", "Mail delivery (Exchange Online)". */
export function scopeLabel(scope: SubscriptionScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all services';
    case 'service':
      return serviceById(scope.service)?.name ?? scope.service;
    case 'metric': {
      const metric = metricByFn(scope.fn);
      if (!metric) return scope.fn;
      return `${metric.name} (${serviceById(metric.service)?.name ?? metric.service})`;
    }
  }
}

/** The words that name the scope in a command, so `subscribe ${scopeWords(s)}` parses back to `s`. */
export function scopeWords(scope: SubscriptionScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'service': {
      const service = serviceById(scope.service);
      return service ? serviceWord(service) : scope.service;
    }
    case 'metric':
      return metricByFn(scope.fn)?.id ?? scope.fn;
  }
}

/** True when every metric of `inner` is also in `outer` (a scope covers itself). */
export function covers(outer: SubscriptionScope, inner: SubscriptionScope): boolean {
  const fns = new Set(fnsInScope(outer));
  return fnsInScope(inner).every((fn) => fns.has(fn));
}

/** The service groups whose metrics a scope covers, in catalog order. */
export function groupsOfScope(scope: SubscriptionScope): ServiceGroup[] {
  return [...new Set(fnsInScope(scope).map((fn) => metricByFn(fn)!.service))];
}

/**
 * How a subscription's cards are formatted: the stored locale and zone; records from before they were stored fall
 * back to en-US and the quiet hours' zone, else UTC.
 */
export function readerOfSubscription(s: Pick<Subscription, 'locale' | 'timeZone' | 'quiet'>): {
  locale: string;
  timeZone: string;
} {
  return { locale: s.locale ?? 'en-US', timeZone: s.timeZone ?? s.quiet?.timeZone ?? 'UTC' };
}

/** The monitor's form of a quiet setting (for `isQuietAt`, `quietEndsAt`); undefined if the times are unreadable. */
export function quietHoursOf(setting: QuietSetting): QuietHours | undefined {
  const start = parseClockTime(setting.from);
  const end = parseClockTime(setting.to);
  return start && end ? { start, end, timeZone: setting.timeZone } : undefined;
}
