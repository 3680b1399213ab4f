import { isOpen, type Incident } from '../monitor/incident';
import type { KeyValueStore, StoreItem } from '../store/store';
import { incidentPrefix } from './store-keys';

/**
 * Reads the incidents the monitor keeps under `incidents/<tenant>/<encoded incident key>` (the latest occurrence of
 * each dedup key; see `incidentStoreKey`). Read-only: the monitor owns these items.
 */
export class IncidentReader {
  constructor(private readonly store: KeyValueStore) {}

  /** Open incidents (firing, acknowledged, snoozed), newest first. */
  async open(tenantId: string): Promise<Incident[]> {
    return (await this.listed(tenantId)).filter((i) => isOpen(i));
  }

  /** Incidents open now or opened or resolved at or after `since`, newest first. */
  async recent(tenantId: string, since: Date): Promise<Incident[]> {
    const from = since.toISOString();
    return (await this.listed(tenantId)).filter(
      (i) =>
        i.state !== 'resolved' || i.openedAt >= from || (i.resolvedAt !== undefined && i.resolvedAt >= from),
    );
  }

  private async listed(tenantId: string): Promise<Incident[]> {
    const items = await this.store.list(incidentPrefix(tenantId));
    return Object.values(items)
      .map(asIncident)
      .filter((i): i is Incident => i !== undefined)
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id));
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
