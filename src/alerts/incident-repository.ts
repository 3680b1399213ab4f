import { isOpen, type Incident } from '../monitor/incident';
import type { Transition } from '../monitor/alert-effects';
import { ETagConflictError, type KeyValueStore, type StoreItem } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { pruneTimeKeyed } from './prune-time-keyed';
import { incidentArchiveKey, incidentArchivePrefix, incidentPrefix, incidentStoreKey } from './store-keys';

/**
 * The one owner of stored incidents: `incidents/<tenant>/<encoded incident key>` holds the latest occurrence of each
 * dedup key (see `incidentStoreKey`) and `incident-archive/<tenant>/` the earlier, resolved ones (for `history`).
 * Every read is validated (an item that is not an incident is skipped, never handed to the lifecycle or a card) and
 * updates never overwrite blindly.
 */
export class IncidentRepository {
  constructor(private readonly store: KeyValueStore) {}

  /** The latest occurrence of each dedup key of the tenant, in store order. */
  async list(tenantId: string): Promise<Incident[]> {
    return Object.values(await this.store.list(incidentPrefix(tenantId))).flatMap((i) => asIncident(i) ?? []);
  }

  async get(tenantId: string, key: string): Promise<Incident | undefined> {
    const k = incidentStoreKey(tenantId, key);
    const item = (await this.store.read([k]))[k];
    return item && asIncident(item);
  }

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

  /**
   * Applies a lifecycle step to the stored incident (re-read and re-applied on an eTag race) and returns the
   * transition that was stored, so its effects are acted on exactly for what was saved. A resolved occurrence about
   * to be replaced by the next one is archived first (then the step is applied afresh), so a crash in between loses
   * nothing; any other step costs one read and one write.
   */
  async apply(
    tenantId: string,
    key: string,
    step: (current: Incident | undefined) => Transition,
  ): Promise<Transition> {
    let applied: Transition = { incident: undefined, effects: [] };
    let replacing: Incident | undefined;
    const update = (archiveFirst: boolean) =>
      updateWithRetry<Incident>(this.store, incidentStoreKey(tenantId, key), (current) => {
        applied = step(current);
        const next = applied.incident;
        replacing =
          archiveFirst && current?.state === 'resolved' && next && next.id !== current.id
            ? current
            : undefined;
        return replacing ? undefined : next;
      });
    await update(true);
    if (replacing) {
      await this.archive(tenantId, replacing);
      await update(false);
    }
    return applied;
  }

  /** Deletes archived occurrences resolved before `before` (retention); resolves to how many went. */
  pruneArchive(tenantId: string, before: Date): Promise<number> {
    return pruneTimeKeyed(this.store, incidentArchivePrefix(tenantId), before);
  }

  /** Create-only, so archiving the same occurrence twice (a retry, another instance) keeps one copy. */
  private async archive(tenantId: string, incident: Incident): Promise<void> {
    const key = incidentArchiveKey(tenantId, incident.resolvedAt ?? incident.lastBreachAt, incident.id);
    try {
      await this.store.write({ [key]: { ...incident } }, { createOnly: true });
    } catch (e) {
      if (!(e instanceof ETagConflictError)) throw e;
    }
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

/** The stored item as an incident, or undefined when it is not one (wrong shape, unknown state). */
export function asIncident(item: StoreItem): Incident | undefined {
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
