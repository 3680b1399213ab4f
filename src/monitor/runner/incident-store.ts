import { pruneTimeKeyed } from '../../alerts/prune-time-keyed';
import {
  incidentArchiveKey,
  incidentArchivePrefix,
  incidentPrefix,
  incidentStoreKey,
} from '../../alerts/store-keys';
import { ETagConflictError, type KeyValueStore, type StoreItem } from '../../store/store';
import { updateWithRetry } from '../../store/update-with-retry';
import type { Transition } from '../alert-effects';
import type { Incident } from '../incident';

/**
 * Incidents in the shared store: one item per dedup key holding its latest occurrence, and an archive of the earlier,
 * resolved occurrences (for `history`); updates never overwrite blindly.
 */
export class IncidentStore {
  constructor(private readonly store: KeyValueStore) {}

  async list(tenantId: string): Promise<Incident[]> {
    return Object.values(await this.store.list(incidentPrefix(tenantId))).map(withoutETag);
  }

  async get(tenantId: string, key: string): Promise<Incident | undefined> {
    const k = incidentStoreKey(tenantId, key);
    const item = (await this.store.read([k]))[k];
    return item && withoutETag(item);
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
}

function withoutETag(item: StoreItem): Incident {
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as Incident;
}
