import type { PartitionLeases } from './partition-leases';
import { DEFAULT_PARTITIONS } from './partition-of';

/** The single-instance pool (SQLite): owns every partition from start to stop. */
export class InProcessLeases implements PartitionLeases {
  private current: ReadonlySet<number> = new Set();
  private readonly listeners = new Set<(owned: ReadonlySet<number>) => void>();

  constructor(private readonly partitions: number = DEFAULT_PARTITIONS) {}

  async start(): Promise<void> {
    this.set(new Set(Array.from({ length: this.partitions }, (_, i) => i)));
  }

  owned(): ReadonlySet<number> {
    return this.current;
  }

  owns(_tenantId: string): boolean {
    return this.current.size > 0;
  }

  onChange(cb: (owned: ReadonlySet<number>) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async stop(): Promise<void> {
    this.set(new Set());
  }

  private set(next: ReadonlySet<number>): void {
    this.current = next;
    this.listeners.forEach((cb) => cb(next));
  }
}
