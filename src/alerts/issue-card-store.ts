import { recordSent, type IssueCardRecord } from '../service-health/issue-cards';
import type { KeyValueStore, StoreItem } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { tenantSegment } from './store-keys';

const prefix = (tenantId: string) => `issuecards/${tenantSegment(tenantId)}/`;
const keyOf = (tenantId: string, issueId: string) => `${prefix(tenantId)}${encodeURIComponent(issueId)}`;

/**
 * The per-issue dedupe records of Microsoft's issue cards (`issuecards/<tenant>/<issue id>`): which version of the
 * issue each conversation's card was queued with. Shared by every instance through the store, so a restart or a
 * failover never posts an issue again; writes are eTag-guarded merges.
 */
export class IssueCardStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The tenant's records by issue id (one listing). */
  async list(tenantId: string): Promise<Map<string, IssueCardRecord>> {
    const items = await this.store.list(prefix(tenantId));
    const out = new Map<string, IssueCardRecord>();
    for (const item of Object.values(items)) {
      const r = asRecord(item);
      if (r) out.set(r.issueId, r);
    }
    return out;
  }

  /** Records that cards of `version` were queued in `conversations` (merged with what other writers stored). */
  async markSent(
    tenantId: string,
    issueId: string,
    conversations: readonly string[],
    version: string,
    at: string,
  ): Promise<void> {
    await updateWithRetry<IssueCardRecord>(this.store, keyOf(tenantId, issueId), (current) =>
      recordSent(current && asRecord(current as unknown as StoreItem), issueId, conversations, version, at),
    );
  }

  async remove(tenantId: string, issueIds: readonly string[]): Promise<void> {
    if (issueIds.length) await this.store.delete(issueIds.map((id) => keyOf(tenantId, id)));
  }
}

function asRecord(item: StoreItem | undefined): IssueCardRecord | undefined {
  const r = item as Partial<IssueCardRecord> | undefined;
  if (!r || typeof r.issueId !== 'string' || typeof r.sent !== 'object' || r.sent === null) return undefined;
  return { issueId: r.issueId, sent: { ...r.sent }, updatedAt: String(r.updatedAt ?? '') };
}
