import type { Actor } from '../monitor/actor';

/** An Actor (`id` is the Entra object id) that also keeps the Teams user id, for audit lines and subscriptions. */
export interface AlertActor extends Actor {
  /** Teams user id (`29:…`) of the person, as the activity gave it. */
  teamsId: string;
}

/** Who sent a turn, as an actor: the Entra object id when Teams gives one, else the Teams id. */
export function actorOf(user: { id: string; name?: string; aadObjectId?: string }): AlertActor {
  const oid = user.aadObjectId?.toLowerCase();
  return { id: oid ?? user.id, name: user.name?.trim() || user.id, teamsId: user.id };
}
