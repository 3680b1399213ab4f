/** Which partitions of tenants this instance works on; the monitor polls only tenants it owns. */
export interface PartitionLeases {
  /** Joins the pool; resolves after the first acquisition round (possibly owning nothing yet). */
  start(): Promise<void>;
  owned(): ReadonlySet<number>;
  /** Whether this instance owns the tenant's partition right now. */
  owns(tenantId: string): boolean;
  /** Live instances in the pool as of the last round, this one included (1 when alone or unknown). */
  liveInstances?(): number;
  /** Calls `cb` with the new set whenever it changes; returns the unsubscribe function. */
  onChange(cb: (owned: ReadonlySet<number>) => void): () => void;
  /** Leaves the pool, releasing every partition at once so others take them without waiting for expiry. */
  stop(): Promise<void>;
}
