/** Number and time formats of the page, in the person's locale and time zone. */
export function formatValue(v: number | null | undefined, unit: 'count' | 'percent', locale: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (unit === 'percent')
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} %`;
  return new Intl.NumberFormat(locale, {
    notation: Math.abs(v) >= 10_000 ? 'compact' : 'standard',
    maximumFractionDigits: 1,
  }).format(v);
}

export function formatTime(ms: number, locale: string, timeZone: string, withDate = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}
