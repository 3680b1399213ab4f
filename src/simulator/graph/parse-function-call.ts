/** A parsed `fn(name=value,…)` path segment with its parameters still as literals. */
export interface FunctionCall {
  fn: string;
  start: Date;
  end: Date;
  /** Undefined when neither an inline value nor an alias value was given (Graph's default, 15, applies). */
  interval?: number;
}

export type ParseResult = { ok: true; call: FunctionCall } | { ok: false; message: string };

const PARAMS = [
  'inclusiveIntervalStartDateTime',
  'exclusiveIntervalEndDateTime',
  'aggregationIntervalInMinutes',
];
const OBSOLETE: Record<string, string> = {
  inclusiveStartDateTime: 'inclusiveIntervalStartDateTime',
  exclusiveEndDateTime: 'exclusiveIntervalEndDateTime',
  aggregationIntervalInMinute: 'aggregationIntervalInMinutes',
};

// Unquoted OData DateTimeOffset: seconds optional, 0–7 fractional digits, `Z` or ±hh:mm.
const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an OData DateTimeOffset literal; undefined when malformed or out of range (e.g. month 13). */
export function parseDateTimeOffset(literal: string): Date | undefined {
  const m = DATE.exec(literal);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(+`0.${frac || '0'}` * 1000));
  const check = new Date(ms);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    return undefined;
  if (zone === 'Z') return check;
  const sign = zone[0] === '+' ? 1 : -1;
  const offset = sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
  return new Date(ms - offset * 60_000);
}

function splitParams(inner: string): Map<string, string> | string {
  const params = new Map<string, string>();
  if (!inner.trim()) return params;
  for (const part of inner.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return `Malformed function parameter '${part.trim()}': expected name=value.`;
    const name = part.slice(0, eq).trim();
    if (params.has(name)) return `Parameter '${name}' is specified more than once.`;
    params.set(name, part.slice(eq + 1).trim());
  }
  return params;
}

function resolveInterval(literal: string, query: URLSearchParams): number | undefined | string {
  let value: string | null = literal;
  if (literal.startsWith('@')) {
    // OData parameter alias. The Kiota SDKs send `?aggregationIntervalInMinutes=N` without the `@`; accept both and
    // treat an unresolved alias as "not given" (default 15), as the reference recommends.
    value = query.get(literal) ?? query.get(literal.slice(1));
    if (value === null) return undefined;
  }
  if (!/^\d+$/.test(value))
    return `Invalid value '${value}' for parameter 'aggregationIntervalInMinutes': expected an Int32.`;
  return Number(value);
}

/** Parses a decoded function segment such as `getX(inclusiveIntervalStartDateTime=…Z,…)` plus the query string. */
export function parseFunctionCall(segment: string, query: URLSearchParams): ParseResult {
  const m = /^([A-Za-z][A-Za-z0-9]*)\((.*)\)$/s.exec(segment);
  if (!m) {
    const name = /^[A-Za-z][A-Za-z0-9]*$/.test(segment) ? segment : segment.split('(')[0];
    return {
      ok: false,
      message: `Function '${name}' must be called with its parameters in parentheses: ${name}(inclusiveIntervalStartDateTime=…,exclusiveIntervalEndDateTime=…).`,
    };
  }
  const [, fn, inner] = m;
  const params = splitParams(inner);
  if (typeof params === 'string') return { ok: false, message: params };
  for (const name of params.keys()) {
    if (OBSOLETE[name])
      return {
        ok: false,
        message: `Parameter '${name}' is not defined for function '${fn}'; did you mean '${OBSOLETE[name]}'?`,
      };
    if (!PARAMS.includes(name))
      return {
        ok: false,
        message: `Parameter '${name}' is not defined for function '${fn}'. Expected ${PARAMS.join(', ')}.`,
      };
  }
  const dates: Date[] = [];
  for (const name of PARAMS.slice(0, 2)) {
    const literal = params.get(name);
    if (literal === undefined)
      return { ok: false, message: `Required parameter '${name}' is missing for function '${fn}'.` };
    const date = parseDateTimeOffset(literal);
    if (!date)
      return {
        ok: false,
        message: `Invalid DateTimeOffset '${literal}' for parameter '${name}': expected an unquoted ISO 8601 value such as 2024-10-02T10:30:00Z.`,
      };
    dates.push(date);
  }
  const intervalLiteral = params.get(PARAMS[2]);
  const interval = intervalLiteral === undefined ? undefined : resolveInterval(intervalLiteral, query);
  if (typeof interval === 'string') return { ok: false, message: interval };
  return { ok: true, call: { fn, start: dates[0], end: dates[1], interval } };
}
