import { isOpen, type Incident } from '../monitor/incident';
import type { KeyValueStore, StoreItem } from '../store/store';
import { incidentArchivePrefix, incidentPrefix } from './store-keys';

/**
 * Reads the incidents the monitor keeps under `incidents/<tenant>/<encoded incident key>` (the latest occurrence of
 * each dedup key; see `incidentStoreKey`) and `incident-archive/<tenant>/` (earlier, resolved occurrences).
 * Read-only: the monitor owns these items.
 */
export class IncidentReader {
  constructor(private readonly store: KeyValueStore) {}

  /** Open incidents (firing, acknowledged, snoozed), newest first. */
  async open(tenantId: string): Promise<Incident[]> {
    return (await this.listed(tenantId)).filter((i) => isOpen(i));
  }

  /**
   * Incidents open now or opened or resolved at or after `since`, newest first: the latest occurrence of each dedup
   * key and the archived earlier ones.
   */
  async recent(tenantId: string, since: Date): Promise<Incident[]> {
    const from = since.toISOString();
    return (await this.listed(tenantId, true)).filter(
      (i) =>
        i.state !== 'resolved' || i.openedAt >= from || (i.resolvedAt !== undefined && i.resolvedAt >= from),
    );
  }

  private async listed(tenantId: string, archived = false): Promise<Incident[]> {
    const items = Object.values(await this.store.list(incidentPrefix(tenantId)));
    if (archived) items.push(...Object.values(await this.store.list(incidentArchivePrefix(tenantId))));
    // One per occurrence id: an occurrence archived by a monitor that died before writing its successor is in both.
    const byId = new Map<string, Incident>();
    for (const i of items.map(asIncident)) if (i && !byId.has(i.id)) byId.set(i.id, i);
    return [...byId.values()].sort(
      (a, b) => b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id),
    );
  }
}

const STATES = new Set(['firing', 'acknowledged', 'snoozed', 'resolved']);

function asIncident(item: StoreItem): Incident | undefined {
  const { eTag: _eTag, ...rest } = item;
  const i = rest as unknown as Incident;
  const ok =
    typeof i.id === 'string' &&
    typeof i.fn === 'string' &&
    typeof i.openedAt === 'string' &&
    STATES.has(i.state) &&
    Array.isArray(i.history);
  return ok ? i : undefined;
}
