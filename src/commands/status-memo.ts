import type { AdaptiveCard } from '../cards/adaptive-card';
import type { MetricsErrorKind } from '../graph/errors';
import type { GroupAccess, StatusReport } from '../graph/metrics-reader';

/** Cards kept at most; the oldest minute's cards go first. */
const MAX_CARDS = 500;

/** Errors that say the same thing all minute for this user: their status card may be reused. */
const LASTING: ReadonlySet<MetricsErrorKind> = new Set<MetricsErrorKind>([
  'MissingPermission',
  'NotAvailable',
]);

/**
 * The one memo of status answers: status cards built this minute, reused for every admin and refresh that would get
 * the same card. The series cache (graph/cache.ts) holds the data; this only skips recomputing the report and the
 * card. A key names everything the card depends on besides the data: tenant, scope, what the user may read, their
 * locale and zone, the minute ("5 min ago", and data refreshed within the minute waits for the next one) and
 * Microsoft's service health. A card showing a transient failure (throttling, timeout) is never kept.
 */
export class StatusCardMemo {
  private readonly cards = new Map<string, AdaptiveCard>();

  get(key: string): AdaptiveCard | undefined {
    return this.cards.get(key);
  }

  /** Keeps the card unless its report shows a failure that may be gone in a moment. */
  set(key: string, card: AdaptiveCard, report: StatusReport): void {
    if (report.metrics.some((m) => !m.ok && !LASTING.has(m.error.kind))) return;
    if (this.cards.size >= MAX_CARDS) this.cards.clear();
    this.cards.set(key, card);
  }
}

/** What a status card depends on besides the data; see StatusCardMemo. */
export interface StatusCardKey {
  tenantId: string;
  scope: string;
  access: ReadonlyMap<string, GroupAccess>;
  locale: string;
  timeZone: string;
  now: Date;
  health: string;
}

/** The memo key of a status card. */
export function statusCardKey(k: StatusCardKey): string {
  const access = [...k.access]
    .map(([group, a]) => (a.allowed ? group : `${group}!${a.error.kind}:${a.error.message}`))
    .sort()
    .join(',');
  return [
    k.tenantId.toLowerCase(),
    k.scope,
    access,
    k.locale,
    k.timeZone,
    Math.floor(k.now.getTime() / 60_000),
    k.health,
  ].join('|');
}
