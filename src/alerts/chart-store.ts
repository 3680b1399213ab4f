import { tenantSegment } from './store-keys';
import type { KeyValueStore } from '../store/store';

/** One bucket of an alert chart: start, value and usual level. */
export interface ChartPoint {
  t: string;
  v: number | null;
  baseline: number | null;
}

const key = (tenantId: string, fn: string) =>
  `alertcharts/${tenantSegment(tenantId)}/${encodeURIComponent(fn)}`;

/**
 * The latest evaluated buckets of metrics with open incidents, so a card rebuilt after a button press (on any
 * instance) still shows its chart without a Graph call.
 */
export class ChartStore {
  constructor(private readonly store: KeyValueStore) {}

  async save(tenantId: string, fn: string, points: readonly ChartPoint[]): Promise<void> {
    await this.store.write({ [key(tenantId, fn)]: { points: [...points] } });
  }

  async load(tenantId: string, fns: readonly string[]): Promise<Record<string, ChartPoint[]>> {
    const keys = fns.map((fn) => key(tenantId, fn));
    const items = await this.store.read(keys);
    const out: Record<string, ChartPoint[]> = {};
    fns.forEach((fn, i) => {
      const item = items[keys[i]];
      if (item) out[fn] = item.points as ChartPoint[];
    });
    return out;
  }
}
