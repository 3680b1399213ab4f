/** A parsed `$filter`: a conjunction of simple comparisons, as Pulse and the public samples use them. */
export type Clause =
  | {
      kind: 'compare';
      prop: string;
      op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
      value: string | boolean | null | number;
    }
  | { kind: 'any'; prop: string; value: string };

type Item = Record<string, unknown>;

const COMPARE =
  /^([A-Za-z]+)\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|true|false|null|-?\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))$/i;
const ANY = /^([A-Za-z]+)\/any\(\s*(\w+)\s*:\s*\2\s+eq\s+'((?:[^']|'')*)'\s*\)$/i;

function literal(text: string): string | boolean | null | number {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^null$/i.test(text)) return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text; // a DateTimeOffset literal, compared as a date
}

function stripParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')') && !/\bany\(/i.test(t.slice(0, 5))) t = t.slice(1, -1).trim();
  return t;
}

/** Parses `a eq 'x' and b ge 2026-01-01T00:00:00Z and c/any(s:s eq 'y')`; a string is the 400 message. */
export function parseFilter(filter: string, filterable: ReadonlySet<string>): Clause[] | string {
  const parts = filter.split(/\s+and\s+/i).map(stripParens);
  const out: Clause[] = [];
  for (const part of parts) {
    const any = ANY.exec(part);
    const cmp = any ? undefined : COMPARE.exec(part);
    const prop = any?.[1] ?? cmp?.[1];
    if (!prop || (!any && !cmp))
      return `Invalid filter clause: the query specified in the URI is not valid. '${part}'`;
    if (prop.toLowerCase() === 'details')
      return "Invalid filter clause: the property 'details' cannot be used in the $filter query option.";
    const known = [...filterable].find((p) => p.toLowerCase() === prop.toLowerCase());
    if (!known)
      return `Could not find a property named '${prop}' on type 'microsoft.graph.serviceAnnouncementBase'.`;
    if (any) out.push({ kind: 'any', prop: known, value: any[3].replace(/''/g, "'") });
    else
      out.push({ kind: 'compare', prop: known, op: cmp![2].toLowerCase() as 'eq', value: literal(cmp![3]) });
  }
  return out;
}

function compare(a: unknown, b: string | boolean | null | number): number | undefined {
  if (a === null || a === undefined || b === null) return a == b ? 0 : undefined;
  if (typeof b === 'boolean' || typeof a === 'boolean') return a === b ? 0 : undefined;
  if (typeof b === 'number') return typeof a === 'number' ? a - b : undefined;
  const da = Date.parse(String(a));
  const db = Date.parse(b);
  if (/^\d{4}-\d{2}-\d{2}T/.test(b) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return String(a).toLowerCase().localeCompare(b.toLowerCase());
}

/** True when the item satisfies every clause (strings and enums compare case-insensitively, dates as instants). */
export function matches(item: Item, clauses: readonly Clause[]): boolean {
  return clauses.every((c) => {
    if (c.kind === 'any') {
      const list = item[c.prop];
      return Array.isArray(list) && list.some((v) => String(v).toLowerCase() === c.value.toLowerCase());
    }
    const d = compare(item[c.prop], c.value);
    if (c.op === 'ne') return d !== 0;
    if (d === undefined) return false;
    return { eq: d === 0, gt: d > 0, ge: d >= 0, lt: d < 0, le: d <= 0 }[c.op];
  });
}

/** `$orderby=prop [asc|desc]` (one key; ties by id); default newest `lastModifiedDateTime` first. */
export function sortItems(items: Item[], orderby: string | null): Item[] | string {
  const m = /^\s*([A-Za-z]+)(?:\s+(asc|desc))?\s*$/i.exec(orderby ?? 'lastModifiedDateTime desc');
  if (!m) return `Invalid $orderby: '${orderby}'.`;
  const [, prop, dir] = m;
  const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const d = compare(a[prop], (b[prop] ?? null) as string) ?? 0;
    return d !== 0 ? sign * Math.sign(d) : String(a.id).localeCompare(String(b.id));
  });
}

/** The page size from `Prefer: odata.maxpagesize=N` (1–1000), else 100 as documented. */
export function maxPageSize(prefer: string | undefined): number | undefined {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  return m ? Math.min(1000, Math.max(1, Number(m[1]))) : undefined;
}
