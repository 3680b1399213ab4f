/*
 * Store keys of the alert data, tenant first so one tenant's items are listed (and could be deleted) together and
 * never mix with another's. Tenant ids are lower-cased; conversation ids and incident keys are URI-encoded, so a
 * `/` inside them cannot add a path segment.
 */

/** The tenant's segment: lower case, as `conversations/` keys use it. */
export function tenantSegment(tenantId: string): string {
  return encodeURIComponent(tenantId.trim().toLowerCase());
}

/** `subscriptions/` + tenant + `/`: every subscription of one tenant. */
export function subscriptionTenantPrefix(tenantId: string): string {
  return `subscriptions/${tenantSegment(tenantId)}/`;
}

/** Every subscription of one conversation. */
export function subscriptionConversationPrefix(tenantId: string, conversationId: string): string {
  return `${subscriptionTenantPrefix(tenantId)}${encodeURIComponent(conversationId)}/`;
}

/** `subscriptions/<tenant>/<encoded conversation>/<scope key>`. */
export function subscriptionKey(tenantId: string, conversationId: string, scopeKey: string): string {
  return `${subscriptionConversationPrefix(tenantId, conversationId)}${encodeURIComponent(scopeKey)}`;
}

/** Every rule of one tenant. */
export function rulePrefix(tenantId: string): string {
  return `rules/${tenantSegment(tenantId)}/`;
}

/** `rules/<tenant>/<rule id>` (rule ids such as `custom:mail-delivery:below:95` are encoded). */
export function ruleKey(tenantId: string, ruleId: string): string {
  return `${rulePrefix(tenantId)}${encodeURIComponent(ruleId)}`;
}

/** Every audit entry of one tenant, oldest first when listed. */
export function auditPrefix(tenantId: string): string {
  return `audit/${tenantSegment(tenantId)}/`;
}

/** `audit/<tenant>/<ISO time>-<id>`: keys sort by time, and the id keeps two entries of one millisecond apart. */
export function auditKey(tenantId: string, at: string, id: string): string {
  return `${auditPrefix(tenantId)}${at}-${encodeURIComponent(id)}`;
}

/** Every incident of one tenant. */
export function incidentPrefix(tenantId: string): string {
  return `incidents/${tenantSegment(tenantId)}/`;
}

/**
 * `incidents/<tenant>/<encoded incident key>`: the latest occurrence of one dedup key (tenant|rule|fn). The monitor
 * writes these; `alerts` and `history` read them.
 */
export function incidentStoreKey(tenantId: string, incidentKey: string): string {
  return `${incidentPrefix(tenantId)}${encodeURIComponent(incidentKey)}`;
}

/** Every archived incident occurrence of one tenant, oldest resolve first when listed. */
export function incidentArchivePrefix(tenantId: string): string {
  return `incident-archive/${tenantSegment(tenantId)}/`;
}

/**
 * `incident-archive/<tenant>/<ISO resolve time>-<encoded incident id>`: an earlier, resolved occurrence, moved here
 * when the next occurrence of its dedup key takes its place under `incidents/`. Keys sort by resolve time, for
 * retention.
 */
export function incidentArchiveKey(tenantId: string, resolvedAt: string, incidentId: string): string {
  return `${incidentArchivePrefix(tenantId)}${resolvedAt}-${encodeURIComponent(incidentId)}`;
}

/**
 * `subscription-index/<K>/<partition>/`: one entry per subscription of the tenants of one partition (of K), so an
 * instance lists only the partitions it holds. K is in the key: another partition count starts a new index.
 */
export function subscriptionIndexPrefix(partitions: number, partition: number): string {
  return `subscription-index/${partitions}/${partition}/`;
}

/** The index entry of the subscription stored under `subscriptions/<rest>`: `subscription-index/<K>/<p>/<rest>`. */
export function subscriptionIndexKey(partitions: number, partition: number, key: string): string {
  return `${subscriptionIndexPrefix(partitions, partition)}${key.slice('subscriptions/'.length)}`;
}
