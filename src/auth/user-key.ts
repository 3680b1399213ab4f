/** A signed-in user as the token layer knows them: Entra object id within a tenant. */
export interface UserKey {
  tenantId: string;
  oid: string;
}
