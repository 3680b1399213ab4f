import { GRAPH_AUDIENCES } from './claims';

const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);

/** A requested `scope` string split into OIDC scopes, Graph permissions (short names) and foreign scopes. */
export interface ParsedScopes {
  oidc: string[];
  graph: string[];
  /** `.default` was requested for Graph: every consented permission. */
  graphDefault: boolean;
  foreign: string[];
}

/** Splits a space-separated scope string; Graph scopes may be full URIs or bare names like `Reports.Read.All`. */
export function parseScopes(scope: string | null): ParsedScopes {
  const out: ParsedScopes = { oidc: [], graph: [], graphDefault: false, foreign: [] };
  for (const s of (scope ?? '').split(/\s+/).filter(Boolean)) {
    if (OIDC.has(s)) out.oidc.push(s);
    else {
      const prefix = GRAPH_AUDIENCES.find((a) => s.startsWith(`${a}/`));
      const name = prefix ? s.slice(prefix.length + 1) : s.includes('/') ? undefined : s;
      if (name === undefined) out.foreign.push(s);
      else if (name === '.default') out.graphDefault = true;
      else out.graph.push(name);
    }
  }
  return out;
}

/** Granted delegated permissions for a request: all consented for `.default`, else the consented requested ones. */
export function grantedDelegated(requested: ParsedScopes, consented: readonly string[]): string[] {
  if (requested.graphDefault) return [...consented];
  const lower = new Map(consented.map((c) => [c.toLowerCase(), c]));
  return requested.graph.map((s) => lower.get(s.toLowerCase())).filter((s): s is string => s !== undefined);
}

/** The response's `scope`: granted Graph permissions as full URIs. */
export function scopeString(granted: readonly string[]): string {
  return granted.map((s) => `https://graph.microsoft.com/${s}`).join(' ');
}
