/** Microsoft Graph's resource application id, as `requiredResourceAccess[].resourceAppId`. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Graph permission ids as published by Microsoft Graph (shared/reference/graph-serviceactivity.md §1.3; User.Read
 * is the well-known sign-in scope; the service communications ids from Graph's permissions reference): `scope` is the delegated id, `role` the application id.
 */
export const GRAPH_PERMISSION_IDS: Readonly<Record<string, { scope: string; role?: string }>> = {
  'User.Read': { scope: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
  'ServiceActivity-Exchange.Read.All': {
    scope: '1fe7aa48-9373-4a47-8df3-168335e0f4c9',
    role: '2b655018-450a-4845-81e7-d603b1ebffdb',
  },
  'ServiceActivity-Teams.Read.All': {
    scope: '404d76f0-e10e-460a-92be-ef19600c54d1',
    role: '4dfee10b-fa4a-41b5-b34d-ccf54cc0c394',
  },
  'ServiceActivity-OneDrive.Read.All': {
    scope: '347e3c16-30f3-4ac7-9b52-fc3c053de9c9',
    role: '57b4f899-b8c5-47c7-bdd3-c410c55602b7',
  },
  'ServiceActivity-Microsoft365Web.Read.All': {
    scope: 'd74c75b1-d5a9-479d-902d-92f8f99182c1',
    role: 'c766cb16-acc4-4663-ba09-6eedef5876c5',
  },
  'Reports.Read.All': {
    scope: '02e97553-ed7b-43d0-ab3c-f8bace0d040c',
    role: '230c1aed-a721-4c5d-9cb4-a90514e508ef',
  },
  'ServiceHealth.Read.All': {
    scope: '55896846-df78-47a7-aa94-8d3d4442ca7f',
    role: '79c261e0-fe76-4144-aad5-bdc68fbe4037',
  },
  'ServiceMessage.Read.All': {
    scope: 'eda39fa6-f8cf-4c3c-a909-432c683e4c9b',
    role: '1b620472-6534-4fe6-9df2-4680e8aa28ec',
  },
};

/** The permission name behind a Graph id of the given kind, or undefined for an id this table does not know. */
export function permissionName(id: string, type: 'Scope' | 'Role'): string | undefined {
  return Object.entries(GRAPH_PERMISSION_IDS).find(
    ([, ids]) => (type === 'Scope' ? ids.scope : ids.role) === id,
  )?.[0];
}
