/** Who did something: an Entra object id (AAD object id in Teams) and the display name at that time. */
export interface Actor {
  id: string;
  name: string;
}

/** The rule engine itself, for entries no person caused (defaults created on subscribe, automatic resolves). */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'M365 Pulse' };
