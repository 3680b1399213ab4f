import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../monitor/audit';
import { pruneTimeKeyed } from './prune-time-keyed';
import type { KeyValueStore, StoreItem } from '../store/store';
import { auditKey, auditPrefix } from './store-keys';

/**
 * The per-tenant audit trail: append-only (each entry is written create-only under `audit/<tenant>/<time>-<id>`,
 * never rewritten). Entries written by chat commands carry `by.teamsId` besides the Entra object id and name.
 */
export class AuditLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly newId: () => string = () => randomUUID().slice(0, 8),
  ) {}

  /** Records one entry; resolves to its store key. `entry.at` must be an ISO instant. */
  async append(entry: AuditEntry): Promise<string> {
    if (Number.isNaN(Date.parse(entry.at)))
      throw new RangeError(`Audit entries need an ISO time, got '${entry.at}'.`);
    const at = new Date(entry.at).toISOString();
    const key = auditKey(entry.tenantId, at, this.newId());
    await this.store.write({ [key]: { ...entry, at } }, { createOnly: true });
    return key;
  }

  /** The tenant's entries at or after `since`, newest first. */
  async recent(tenantId: string, since: Date): Promise<AuditEntry[]> {
    const from = since.toISOString();
    const items = await this.store.list(auditPrefix(tenantId));
    return Object.values(items)
      .map(asEntry)
      .filter((e): e is AuditEntry => e !== undefined && e.at >= from)
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  /** Deletes the tenant's entries older than `before` (retention); resolves to how many went. */
  prune(tenantId: string, before: Date): Promise<number> {
    return pruneTimeKeyed(this.store, auditPrefix(tenantId), before);
  }
}

function asEntry(item: StoreItem): AuditEntry | undefined {
  const { eTag: _eTag, ...rest } = item;
  const e = rest as unknown as AuditEntry;
  const ok =
    typeof e.at === 'string' &&
    typeof e.action === 'string' &&
    typeof e.target === 'string' &&
    typeof e.by === 'object' &&
    e.by !== null &&
    typeof e.by.name === 'string';
  return ok ? e : undefined;
}
