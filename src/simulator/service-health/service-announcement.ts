import { tenantOf, type SimState } from '../state';
import { hasPermission, missingPermissionMessage } from '../graph/authorize';
import { badRequest, graphError, tooManyRequests } from '../graph/errors';
import { ODATA_CONTENT_TYPE, type GraphResult } from '../graph/result';
import { identify, type CallMeta, type GraphCall } from '../graph/service-activity';
import { throttleKey } from '../throttle';
import { renderIssue } from './issue-script';
import { SIM_HEALTH_SERVICES } from './health-services';
import { simulatedMessages } from './messages';
import { matches, maxPageSize, parseFilter, sortItems } from './odata-query';

type Item = Record<string, unknown>;

/** The service communications API root, after the version segment. */
export const SERVICE_ANNOUNCEMENT_PREFIX = '/admin/serviceAnnouncement';

const HEALTH = 'ServiceHealth.Read.All';
const MESSAGES = 'ServiceMessage.Read.All';
const RETENTION_MS = 30 * 86_400_000;
const ISSUE_FILTERABLE = new Set([
  'id',
  'title',
  'service',
  'feature',
  'featureGroup',
  'classification',
  'origin',
  'status',
  'isResolved',
  'startDateTime',
  'endDateTime',
  'lastModifiedDateTime',
]);
const MESSAGE_FILTERABLE = new Set([
  'id',
  'title',
  'category',
  'severity',
  'isMajorChange',
  'services',
  'tags',
  'hasAttachments',
  'startDateTime',
  'endDateTime',
  'lastModifiedDateTime',
  'actionRequiredByDateTime',
]);
const OVERVIEW_FILTERABLE = new Set(['id', 'service', 'status']);

/** Issues the tenant sees at `nowMs`: history plus scenario issues, published and not older than 30 days. */
export function visibleIssues(state: SimState, tenantId: string, nowMs: number): Item[] {
  return state.serviceHealth.issues
    .filter((i) => i.tenantId === undefined || i.tenantId === tenantId)
    .map((i) => renderIssue(i, nowMs))
    .filter((i): i is Item => i !== undefined)
    .filter((i) => !i.isResolved || Date.parse(String(i.endDateTime)) > nowMs - RETENTION_MS);
}

function overviews(issues: readonly Item[], expand: boolean): Item[] {
  return SIM_HEALTH_SERVICES.map((s) => {
    const mine = issues.filter((i) => i.service === s.service);
    const open = mine.filter((i) => !i.isResolved);
    const worst = open.find((i) => i.classification === 'incident') ?? open[0];
    return {
      service: s.service,
      status: worst ? worst.status : 'serviceOperational',
      id: s.id,
      ...(expand ? { issues: mine } : {}),
    };
  });
}

function ok(state: SimState, call: GraphCall, body: Item, headers: Record<string, string> = {}): GraphResult {
  return {
    status: 200,
    headers: {
      'Content-Type': ODATA_CONTENT_TYPE,
      'OData-Version': '4.0',
      'request-id': call.correlation.requestId,
      'client-request-id': call.correlation.clientRequestId,
      ...headers,
    },
    body,
  };
}

/** Graph's captured 404 for this API: `UnknownError` with an empty message (msgraph-metadata#435). */
function notFound(call: GraphCall): GraphResult {
  return graphError(404, 'UnknownError', '', call.correlation);
}

function select(item: Item, query: URLSearchParams): Item {
  const s = query.get('$select');
  if (!s) return item;
  const keep = new Set(['id', ...s.split(',').map((p) => p.trim())]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k)));
}

/** A collection page: `$filter`, `$orderby`, `$top`, `$skip`, `Prefer: odata.maxpagesize`, `@odata.nextLink`. */
function page(
  state: SimState,
  call: GraphCall,
  name: string,
  all: Item[],
  filterable: ReadonlySet<string>,
): GraphResult {
  const q = call.query;
  const filter = q.get('$filter');
  let items = all;
  if (filter) {
    const clauses = parseFilter(filter, filterable);
    if (typeof clauses === 'string') return badRequest(clauses, call.correlation);
    items = items.filter((i) => matches(i, clauses));
  }
  const sorted = sortItems(items, q.get('$orderby'));
  if (typeof sorted === 'string') return badRequest(sorted, call.correlation);
  const skip = Number(q.get('$skip') ?? 0);
  const top = q.get('$top') === null ? undefined : Number(q.get('$top'));
  if (!Number.isInteger(skip) || skip < 0 || (top !== undefined && (!Number.isInteger(top) || top < 0)))
    return badRequest('$skip and $top must be non-negative integers.', call.correlation);
  const asked = maxPageSize(call.prefer);
  const size = asked ?? 100;
  const rest = sorted.slice(skip, top === undefined ? undefined : skip + top);
  const body: Item = {
    '@odata.context': `${state.baseUrl}/${call.version}/$metadata#admin/serviceAnnouncement/${name}`,
    value: rest.slice(0, size).map((i) => select(i, q)),
  };
  if (rest.length > size) {
    const next = new URLSearchParams(q);
    next.set('$skip', String(skip + size));
    if (top !== undefined) next.set('$top', String(top - size));
    body['@odata.nextLink'] =
      `${state.baseUrl}/${call.version}${SERVICE_ANNOUNCEMENT_PREFIX}/${name}?${next.toString().replace(/\+/g, '%20')}`;
  }
  return ok(state, call, body, asked ? { 'Preference-Applied': `odata.maxpagesize=${asked}` } : {});
}

function segmentsOf(path: string): string[] | undefined {
  try {
    return path.slice(SERVICE_ANNOUNCEMENT_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/**
 * `GET /{version}/admin/serviceAnnouncement/{healthOverviews|issues|messages}[/{id}]`: authenticate (401), route
 * (400), GET only (405), permission (403 naming it), throttling (240 per minute and 800 per hour per app and tenant),
 * injected faults (function name `serviceAnnouncement`), then the tenant's data as of the simulator's clock.
 */
export function serviceAnnouncementCall(
  state: SimState,
  call: GraphCall,
): { result: GraphResult; meta: CallMeta } {
  const c = call.correlation;
  const who = identify(state, call);
  if ('error' in who) return { result: who.error, meta: {} };
  const { caller } = who;
  const segments = segmentsOf(call.path);
  const [collection, id, sub] = segments ?? [];
  const meta: CallMeta = {
    tenant: caller.tenantId,
    appId: caller.appId,
    scp: caller.scp,
    roles: caller.roles,
    fn: `serviceAnnouncement/${collection ?? ''}`,
  };
  const done = (result: GraphResult) => ({ result, meta: { ...meta, note: result.note } });
  if (
    !segments ||
    !['healthOverviews', 'issues', 'messages'].includes(collection ?? '') ||
    segments.length > 3
  )
    return done(
      badRequest(`Resource not found for the segment '${collection ?? 'serviceAnnouncement'}'.`, c),
    );
  if (call.method !== 'GET') {
    return done(
      graphError(
        405,
        'Request_BadRequest',
        `Request method '${call.method}' is not supported for ${collection}.`,
        c,
      ),
    );
  }
  const permission = collection === 'messages' ? MESSAGES : HEALTH;
  if (caller.appId !== 'anonymous' && !hasPermission(caller, permission)) {
    const what = `GET /admin/serviceAnnouncement/${collection}`;
    return done(graphError(403, 'Forbidden', missingPermissionMessage(what, permission, caller), c));
  }
  const nowMs = state.now().getTime();
  const key = throttleKey(caller.appId, caller.tenantId, 'serviceAnnouncement');
  const slot = state.serviceHealth.limiters.map((l) => l.peek(key, nowMs)).find((s) => !s.allowed);
  if (slot && !slot.allowed) return done(tooManyRequests(slot.retryAfterSeconds, c));
  for (const l of state.serviceHealth.limiters) l.take(key, nowMs);
  const fault = state.faults.next('serviceAnnouncement', caller.tenantId);
  if (fault.kind === 'throttle') return done(tooManyRequests(fault.retryAfterSeconds, c, 'fault:429'));
  if (fault.kind === 'error') {
    const headers: Record<string, string> = fault.retryAfterSeconds
      ? { 'Retry-After': String(fault.retryAfterSeconds) }
      : {};
    return done(
      graphError(
        fault.status,
        'serviceNotAvailable',
        `Injected fault: the service answered ${fault.status}.`,
        c,
        headers,
        `fault:${fault.status}`,
      ),
    );
  }

  void tenantOf(state, caller.tenantId); // every tenant has service health, eligible for serviceActivity or not
  const issues = visibleIssues(state, caller.tenantId, nowMs);
  const context = `${state.baseUrl}/${call.version}/$metadata#admin/serviceAnnouncement/${collection}`;
  if (collection === 'healthOverviews') {
    const expand = /(^|,)\s*issues\s*($|,)/i.test(call.query.get('$expand') ?? '');
    const all = overviews(issues, expand);
    if (id === undefined) return done(page(state, call, 'healthOverviews', all, OVERVIEW_FILTERABLE));
    const one = all.find((o) => String(o.service).toLowerCase() === id.toLowerCase());
    if (!one || sub !== undefined) return done(notFound(call));
    return done(ok(state, call, { '@odata.context': `${context}/$entity`, ...select(one, call.query) }));
  }
  const all =
    collection === 'issues' ? issues : simulatedMessages(state.serviceHealth.anchorMs, caller.delegated);
  if (id === undefined)
    return done(
      page(state, call, collection, all, collection === 'issues' ? ISSUE_FILTERABLE : MESSAGE_FILTERABLE),
    );
  const one = all.find((i) => String(i.id).toLowerCase() === id.toLowerCase());
  if (!one || sub !== undefined) return done(notFound(call));
  return done(ok(state, call, { '@odata.context': `${context}/$entity`, ...select(one, call.query) }));
}
