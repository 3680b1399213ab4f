import type { MetricUnit } from '../../domain/catalog-types';

/** `12,345` or `1,234.5`: thousands grouped, at most two decimals. */
export function formatCount(v: number): string {
  const [whole, frac] = String(Math.round(Math.abs(v) * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A metric value as an admin reads it: counts grouped, percentages with two decimals and `%`. */
export function formatValue(v: number, unit: MetricUnit): string {
  return unit === 'percent' ? `${v.toFixed(2)}%` : formatCount(v);
}

/** Signed change with one decimal: `+12.5%`, `-3.0%`, `0.0%`. */
export function formatChange(pct: number): string {
  const r = Math.round(pct * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '-' : ''}${Math.abs(r).toFixed(1)}%`;
}

/** `2024-10-02T10:30:00Z` → `2024-10-02 10:30` (tables say UTC in the title). */
export function formatBucket(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
}

/** Rounds to two decimals for JSON and CSV (a computed percentage needs no more). */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
