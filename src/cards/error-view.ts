import { metricByFn } from '../domain/catalog';
import type { MetricsApiError } from '../graph/errors';
import { formatLocalTime, formatRelative } from './format';
import { CONSENT_ADMINS, eligibilityText, metricName } from './guidance-text';

type Fact = { title: string; value: string };
type Button = { title: string; value: string };

/** The words and buttons of an error card, before templating. */
export interface ErrorView {
  icon: string;
  title: string;
  color: 'Attention' | 'Warning' | 'Default';
  what: string;
  next: string;
  facts: Fact[];
  actions: Button[];
  /** Show the time (and request id) for support: failures on Microsoft's side. */
  showTime: boolean;
}

interface ViewContext {
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  command?: string;
  example?: string;
}

const ROLE_HINT = /\brole/i;

/** What each kind of failure says and offers. */
export function errorView(error: { kind?: unknown; message: string } & object, ctx: ViewContext): ErrorView {
  const retry: Button[] = ctx.command ? [{ title: 'Try again', value: ctx.command }] : [];
  const base = { facts: [] as Fact[], actions: [] as Button[], showTime: false };
  const e = error as MetricsApiError & { example?: string; retryAfter?: Date; source?: string };
  const label = metricName(e.fn);
  switch (e.kind as string) {
    case 'SignInRequired':
      return {
        ...base,
        icon: '🔑',
        title: 'Sign-in needed',
        color: 'Warning',
        what: e.message,
        next: 'Sign in, then run the command again. If it keeps failing, an admin should check the app registration and its consent.',
        actions: [{ title: 'Sign in', value: 'signin' }, ...retry],
      };
    case 'MissingPermission': {
      const permission = 'permission' in e ? (e.permission as string | undefined) : undefined;
      const roles = ('roles' in e ? (e.roles as readonly string[]) : []) ?? [];
      if (roles.length && ROLE_HINT.test(`${e.code ?? ''} ${e.detail ?? ''}`)) {
        return {
          ...base,
          icon: '🔒',
          title: 'Admin role needed',
          color: 'Warning',
          what: `Your account does not have an admin role that may read ${label}.`,
          next: `Ask ${CONSENT_ADMINS} to give you one of these roles: ${roles.join(', ')}. Then sign out and sign in again.`,
          facts: [{ title: 'Roles', value: roles.join(', ') }],
          actions: [{ title: 'Check my access', value: 'whoami' }],
        };
      }
      const name = permission ?? 'the Microsoft Graph permission for this service';
      return {
        ...base,
        icon: '🔒',
        title: 'Permission missing',
        color: 'Warning',
        what: `Pulse is not allowed to read ${label}: it lacks ${name}.`,
        next:
          `Ask ${CONSENT_ADMINS} to add ${name} to Pulse's app registration and grant admin consent ` +
          '(Entra admin center › App registrations › API permissions). Then sign out and sign in again.' +
          (roles.length ? ` Signed-in users also need one of these roles: ${roles.join(', ')}.` : ''),
        facts: [
          ...(permission ? [{ title: 'Permission', value: permission }] : []),
          ...(roles.length ? [{ title: 'Roles', value: roles.join(', ') }] : []),
        ],
        actions: [{ title: 'Check my access', value: 'whoami' }],
      };
    }
    case 'Throttled': {
      const raw = e.retryAfter instanceof Date ? e.retryAfter.getTime() : ctx.now.getTime() + 60_000;
      const at = Math.ceil(raw / 60_000) * 60_000; // a whole minute, never earlier than Graph asked
      const when = `${formatLocalTime(at, ctx.now, ctx.timeZone, ctx.locale)} (${formatRelative(at, ctx.now)})`;
      return {
        ...base,
        icon: '⏳',
        title: 'Too many requests right now',
        color: 'Warning',
        what:
          e.source === 'budget'
            ? `Pulse has used its Microsoft Graph request budget for ${label}: Graph allows 100 requests per 10 minutes per report.`
            : `Microsoft Graph is throttling requests for ${label}.`,
        next: `Try again after ${when}.`,
        facts: [{ title: 'Retry after', value: when }],
        actions: retry,
      };
    }
    case 'NotAvailable': {
      const service = e.fn ? metricByFn(e.fn)?.service : undefined;
      return {
        ...base,
        icon: '🚫',
        title: 'Not available for this tenant',
        color: 'Default',
        what: `${label} is not available for this tenant, or it has no data yet.`,
        next: `${eligibilityText(service)} Nothing in Pulse can change this.`,
      };
    }
    case 'InvalidRequest':
      return {
        ...base,
        icon: '✏️',
        title: 'That request did not work',
        color: 'Warning',
        what: e.message,
        next: `Check the command and try again, for example: ${ctx.example ?? 'help'}`,
        actions: [{ title: 'Show commands', value: 'help' }],
      };
    case 'InvalidWindow': {
      const example = e.example ?? ctx.example ?? '';
      return {
        ...base,
        icon: '✏️',
        title: 'That time window does not work',
        color: 'Warning',
        what: e.message.replace(/\s*Example: .*$/s, ''),
        next: `Ask for a window Microsoft Graph can answer, for example: ${example}.`,
        actions: [{ title: 'Show commands', value: 'help' }],
      };
    }
    case 'Network':
    case 'Timeout':
    case 'ServiceError':
    case 'MalformedResponse':
      return {
        ...base,
        ...TRANSIENT[e.kind],
        color: 'Attention',
        what: e.message,
        actions: retry,
        showTime: true,
      };
    default:
      return {
        ...base,
        icon: '⚠️',
        title: 'Something went wrong',
        color: 'Attention',
        what: 'Pulse hit an unexpected problem while answering.',
        next: 'Try again in a moment. If it keeps happening, tell your Pulse admin the time below.',
        actions: retry,
        showTime: true,
      };
  }
}

const TRANSIENT: Record<string, { icon: string; title: string; next: string }> = {
  Network: {
    icon: '📡',
    title: 'Microsoft Graph could not be reached',
    next: 'This is usually brief: try again in a minute.',
  },
  Timeout: {
    icon: '⌛',
    title: 'Microsoft Graph took too long',
    next: 'Try again; a shorter window or a single service answers faster.',
  },
  ServiceError: {
    icon: '⚠️',
    title: 'Microsoft Graph had a problem',
    next: 'Try again in a few minutes. If it persists, check Service health in the Microsoft 365 admin center and quote the request id below.',
  },
  MalformedResponse: {
    icon: '⚠️',
    title: 'Unexpected answer from Microsoft Graph',
    next: 'Try again later. If it keeps happening, report it with the request id and time below.',
  },
};
