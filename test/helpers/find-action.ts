/** Finds an Action.Execute with `verb` anywhere in a card (buttons may sit inside ShowCard sub-cards). */
export function findAction(card: unknown, verb: string): { data: Record<string, unknown> } | undefined {
  if (!card || typeof card !== 'object') return undefined;
  const o = card as Record<string, unknown>;
  if (o.type === 'Action.Execute' && o.verb === verb) return o as { data: Record<string, unknown> };
  for (const v of Object.values(o)) {
    const hit = Array.isArray(v) ? v.map((x) => findAction(x, verb)).find(Boolean) : findAction(v, verb);
    if (hit) return hit;
  }
  return undefined;
}
