import { incidentPrefix, incidentStoreKey } from '../../alerts/store-keys';
import type { KeyValueStore } from '../../store/store';
import { updateWithRetry } from '../../store/update-with-retry';
import type { Transition } from '../alert-effects';
import type { Incident } from '../incident';

const prefix = incidentPrefix;

/** Incidents in the shared store: one item per dedup key holding its latest occurrence; updates never overwrite blindly. */
export class IncidentStore {
  constructor(private readonly store: KeyValueStore) {}

  async list(tenantId: string): Promise<Incident[]> {
    return Object.values(await this.store.list(prefix(tenantId))).map((i) => {
      const { eTag: _eTag, ...rest } = i;
      return rest as unknown as Incident;
    });
  }

  async get(tenantId: string, key: string): Promise<Incident | undefined> {
    const k = incidentStoreKey(tenantId, key);
    const item = (await this.store.read([k]))[k];
    if (!item) return undefined;
    const { eTag: _eTag, ...rest } = item;
    return rest as unknown as Incident;
  }

  /**
   * Applies a lifecycle step to the stored incident (re-read and re-applied on an eTag race) and returns the
   * transition that was stored, so its effects are acted on exactly for what was saved.
   */
  async apply(
    tenantId: string,
    key: string,
    step: (current: Incident | undefined) => Transition,
  ): Promise<Transition> {
    let applied: Transition = { incident: undefined, effects: [] };
    await updateWithRetry<Incident>(this.store, incidentStoreKey(tenantId, key), (current) => {
      applied = step(current);
      return applied.incident;
    });
    return applied;
  }
}
