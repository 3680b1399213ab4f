/** What a pinned tab shows, kept in its content URL: all services, one service group, or chosen metrics. */
export type ViewSpec =
  { kind: 'all' } | { kind: 'service'; service: string } | { kind: 'metrics'; metrics: string[] };

export const RANGES = ['6h', '24h', '7d', '30d'] as const;
export type Range = (typeof RANGES)[number];

/** Reads `?service=exchange` or `?metrics=a,b` (anything else is all services). */
export function specOf(query: URLSearchParams): ViewSpec {
  const service = query.get('service');
  if (service) return { kind: 'service', service };
  const metrics = (query.get('metrics') ?? '').split(',').filter(Boolean);
  return metrics.length ? { kind: 'metrics', metrics } : { kind: 'all' };
}

/** The query of a view, for the content URL and the overview API. */
export function queryOf(spec: ViewSpec): string {
  if (spec.kind === 'service') return `service=${encodeURIComponent(spec.service)}`;
  if (spec.kind === 'metrics') return `metrics=${spec.metrics.map(encodeURIComponent).join(',')}`;
  return '';
}

export function rangeOf(value: string | null): Range {
  return (RANGES as readonly string[]).includes(value ?? '') ? (value as Range) : '24h';
}
