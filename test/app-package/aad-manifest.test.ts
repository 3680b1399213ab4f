import assert from 'node:assert/strict';
import { METRICS, SERVICE_HEALTH_PERMISSIONS } from '../../src/domain/catalog';
import { GRAPH_APP_ID, GRAPH_PERMISSION_IDS, permissionName } from './graph-permissions';
import { readRepoJson } from './repo-files';

interface AadManifest {
  id: string;
  appId: string;
  signInAudience: string;
  accessTokenAcceptedVersion: number;
  identifierUris: string[];
  replyUrlsWithType: { url: string; type: string }[];
  requiredResourceAccess: {
    resourceAppId: string;
    resourceAccess: { id: string; type: 'Scope' | 'Role' }[];
  }[];
  oauth2Permissions: { id: string; value: string; type: string; isEnabled: boolean }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
}

/** Teams, Microsoft 365 and Outlook clients that get access_as_user without a consent prompt (the bot-sso sample's list). */
const TEAMS_AND_OFFICE_CLIENTS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  '00000002-0000-0ff1-ce00-000000000000',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  '0ec893e0-5785-4de6-99da-4ed124e5296c',
  '4765445b-32c6-49b0-83e6-1d93765276ca',
  '4345a7b9-9a63-4910-a426-35363201d503',
];

const aad = readRepoJson<AadManifest>('aad.manifest.json');
const catalogPermissions = [
  ...new Set([...METRICS.map((m) => m.permission), ...Object.values(SERVICE_HEALTH_PERMISSIONS)]),
].sort();

function requested(type: 'Scope' | 'Role'): string[] {
  return aad.requiredResourceAccess
    .flatMap((r) => r.resourceAccess)
    .filter((a) => a.type === type)
    .map((a) => permissionName(a.id, type) ?? `unknown ${type} id ${a.id}`)
    .sort();
}

describe('aad.manifest.json (the SSO Entra app)', () => {
  it('asks Microsoft Graph, and only Graph, for permissions', () => {
    assert.deepEqual(
      aad.requiredResourceAccess.map((r) => r.resourceAppId),
      [GRAPH_APP_ID],
    );
  });

  it("requests exactly the catalog's permissions (telemetry and service health) as delegated scopes, plus User.Read", () => {
    assert.deepEqual(requested('Scope'), [...catalogPermissions, 'User.Read'].sort());
  });

  it("requests exactly the catalog's permissions (telemetry and service health) as application roles", () => {
    assert.deepEqual(requested('Role'), catalogPermissions);
  });

  it('knows the Graph ids of every permission the catalog names', () => {
    for (const permission of catalogPermissions) {
      assert.ok(GRAPH_PERMISSION_IDS[permission]?.role, `no Graph ids recorded for ${permission}`);
    }
  });

  it('exposes access_as_user and pre-authorizes the Teams and Office clients for it', () => {
    assert.deepEqual(
      aad.oauth2Permissions.map((p) => [p.value, p.type, p.isEnabled, p.id]),
      [['access_as_user', 'User', true, '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']],
    );
    assert.deepEqual(
      aad.preAuthorizedApplications.map((p) => p.appId).sort(),
      [...TEAMS_AND_OFFICE_CLIENTS].sort(),
    );
    for (const client of aad.preAuthorizedApplications) {
      assert.deepEqual(client.permissionIds, ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'], client.appId);
    }
  });

  it('is the single-tenant v2 app whose URI Teams SSO asks a token for, with the bot-hosted reply page', () => {
    assert.equal(aad.id, '${{AAD_APP_OBJECT_ID}}');
    assert.equal(aad.appId, '${{AAD_APP_CLIENT_ID}}');
    assert.equal(aad.signInAudience, 'AzureADMyOrg');
    assert.equal(aad.accessTokenAcceptedVersion, 2);
    assert.deepEqual(aad.identifierUris, ['api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}']);
    assert.deepEqual(aad.replyUrlsWithType, [{ url: 'https://${{BOT_DOMAIN}}/auth-end.html', type: 'Web' }]);
  });
});
