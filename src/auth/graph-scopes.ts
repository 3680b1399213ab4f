import { SERVICE_HEALTH_PERMISSIONS, SERVICES } from '../domain/catalog';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/**
 * Every delegated Graph permission the catalog needs (telemetry per service group, then service health and
 * Message center), as full scope URIs, for on-behalf-of and SSO consent.
 */
export const GRAPH_DELEGATED_SCOPES: readonly string[] = [
  ...new Set([...SERVICES.map((s) => s.permission), ...Object.values(SERVICE_HEALTH_PERMISSIONS)]),
].map((p) => `${GRAPH_RESOURCE}/${p}`);

/** App-only requests ask for everything the admin granted to the application. */
export const GRAPH_APP_SCOPES: readonly string[] = [`${GRAPH_RESOURCE}/.default`];

/** The Graph permissions a token carries: `scp` (delegated) or `roles` (application). Reads the payload only. */
export function permissionsInToken(accessToken: string): string[] {
  try {
    const payload = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as {
      scp?: string;
      roles?: string[];
    };
    return [...(payload.scp ?? '').split(' ').filter(Boolean), ...(payload.roles ?? [])];
  } catch {
    return [];
  }
}
