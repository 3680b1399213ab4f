import { SERVICES } from './catalog';
import type { ServiceDef } from './catalog-types';
import { normalisePhrase, silentEdits, suggestEdits, typoDistance } from './fuzzy';

/** A service group read from user words, or the nearest one when it was not clear enough. */
export type ServiceMatch = { ok: true; service: ServiceDef } | { ok: false; guess?: ServiceDef };

interface Key {
  key: string;
  service: ServiceDef;
}

const KEYS: readonly Key[] = SERVICES.flatMap((service) =>
  [service.id, service.name, ...service.aliases].map((k) => ({ key: normalisePhrase(k), service })),
);
const EXACT = new Map<string, ServiceDef>(
  KEYS.flatMap(({ key, service }) => [
    [key, service],
    [key.replace(/ /g, ''), service],
  ]),
);

/** The word commands use for a service: its id when that is also an alias (`exchange`), else its first alias (`gsa`). */
export function serviceWord(service: ServiceDef): string {
  return service.aliases.includes(service.id) ? service.id : service.aliases[0];
}

/** The service an exact id, name or alias names (`exo`, `sign-ins`, `Microsoft Teams`); no typo tolerance. */
export function exactService(text: string): ServiceDef | undefined {
  const p = normalisePhrase(text);
  return EXACT.get(p) ?? EXACT.get(p.replace(/ /g, ''));
}

/** Reads a service group: exact words first, then a small typo (`exchnage`) when only one group is that close. */
export function matchService(text: string): ServiceMatch {
  const exact = exactService(text);
  if (exact) return { ok: true, service: exact };
  const p = normalisePhrase(text).slice(0, 60);
  let best: { d: number; service?: ServiceDef; tie: boolean } = { d: Infinity, tie: false };
  for (const { key, service } of KEYS) {
    const d = typoDistance(p, key, suggestEdits(p.length));
    if (d < best.d) best = { d, service, tie: false };
    else if (d === best.d && service !== best.service) best.tie = true;
  }
  if (!best.service || best.d > suggestEdits(p.length)) return { ok: false };
  if (best.d <= silentEdits(p.length) && !best.tie) return { ok: true, service: best.service };
  return { ok: false, guess: best.tie ? undefined : best.service };
}
