/**
 * One row of the security suite: what an attacker sends, what the bot must answer, and (checked by each area's
 * runner) that nothing was written to disk or the store and nothing was sent. Ids are listed in docs/security.md.
 */
export interface SecurityCase {
  /** Stable id, `<AREA>-<nn>` (IN inbound HTTP, CFG configuration, TXT bounded text, CRY crypto, ...). */
  id: string;
  /** The attack or mistake, in a few words. */
  name: string;
}
