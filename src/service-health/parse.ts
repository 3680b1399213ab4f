import { htmlToText } from './html-text';
import { enumValue, normaliseStatus } from './statuses';
import type { HealthIssue, IssueClassification, IssuePost, ServiceMessage, ServiceOverview } from './types';

type Json = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** An ISO instant (Graph sends `…Z` with 0–7 fraction digits); undefined when absent or not a date. */
function instant(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function bodyText(v: unknown): string {
  const body = v as { contentType?: unknown; content?: unknown } | null;
  const content = typeof body?.content === 'string' ? body.content : '';
  return String(body?.contentType).toLowerCase() === 'text' ? content.trim() : htmlToText(content);
}

function post(v: unknown): IssuePost | undefined {
  const p = v as Json | null;
  const createdAt = instant(p?.createdDateTime);
  if (!p || !createdAt) return undefined;
  return {
    createdAt,
    type: enumValue(p.postType, ['regular', 'quick', 'strategic']),
    text: bodyText(p.description),
  };
}

/** A `serviceHealthIssue`, or undefined when a required field is missing or invalid (the item is skipped). */
export function parseIssue(v: unknown): HealthIssue | undefined {
  const i = v as Json | null;
  const id = str(i?.id);
  const service = str(i?.service);
  const lastModifiedDateTime = instant(i?.lastModifiedDateTime);
  const startDateTime = instant(i?.startDateTime);
  if (!i || !id || !service || !lastModifiedDateTime || !startDateTime) return undefined;
  const posts = (Array.isArray(i.posts) ? i.posts : [])
    .map(post)
    .filter((p): p is IssuePost => p !== undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    id,
    title: str(i.title) ?? id,
    service,
    feature: str(i.feature),
    featureGroup: str(i.featureGroup),
    classification: enumValue(i.classification, ['incident', 'advisory']) as IssueClassification,
    status: normaliseStatus(str(i.status) ?? 'unknownFutureValue'),
    isResolved: i.isResolved === true,
    impactDescription: htmlToText(str(i.impactDescription) ?? ''),
    startDateTime,
    endDateTime: instant(i.endDateTime),
    lastModifiedDateTime,
    posts,
  };
}

/** A `serviceHealth` entry, or undefined without a service name. */
export function parseOverview(v: unknown): ServiceOverview | undefined {
  const o = v as Json | null;
  const service = str(o?.service);
  if (!o || !service) return undefined;
  return {
    id: str(o.id) ?? service,
    service,
    status: normaliseStatus(str(o.status) ?? 'unknownFutureValue'),
  };
}

/** A `serviceUpdateMessage`, or undefined when a required field is missing or invalid. */
export function parseMessage(v: unknown): ServiceMessage | undefined {
  const m = v as Json | null;
  const id = str(m?.id);
  const lastModifiedDateTime = instant(m?.lastModifiedDateTime);
  const startDateTime = instant(m?.startDateTime);
  if (!m || !id || !lastModifiedDateTime || !startDateTime) return undefined;
  const strings = (x: unknown) =>
    Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
  const viewPoint = m.viewPoint as { isRead?: unknown } | null | undefined;
  return {
    id,
    title: str(m.title) ?? id,
    services: strings(m.services),
    category: enumValue(m.category, ['preventOrFixIssue', 'planForChange', 'stayInformed']),
    severity: enumValue(m.severity, ['normal', 'high', 'critical']),
    tags: strings(m.tags),
    isMajorChange: m.isMajorChange === true,
    actionRequiredBy: instant(m.actionRequiredByDateTime),
    startDateTime,
    endDateTime: instant(m.endDateTime),
    lastModifiedDateTime,
    text: bodyText(m.body),
    ...(typeof viewPoint?.isRead === 'boolean' ? { isRead: viewPoint.isRead } : {}),
  };
}

/** Parses every item of a collection page; unreadable items are counted, not fatal. */
export function parseAll<T>(
  values: readonly unknown[],
  parse: (v: unknown) => T | undefined,
): { items: T[]; skipped: number } {
  const items: T[] = [];
  for (const v of values) {
    const p = parse(v);
    if (p) items.push(p);
  }
  return { items, skipped: values.length - items.length };
}
