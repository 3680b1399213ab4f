import { metricByFn } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';

/** Who can grant tenant-wide admin consent to Microsoft Graph permissions. */
export const CONSENT_ADMINS = 'a Global Administrator or Privileged Role Administrator';

/** What a missing Graph permission means and who fixes it. */
export function consentText(permission: string | undefined): string {
  const what = permission ? `the Microsoft Graph permission ${permission}` : 'a Microsoft Graph permission';
  return `Pulse needs ${what}. ${capitalise(CONSENT_ADMINS)} must add it to the app registration and grant admin consent.`;
}

/** The admin roles a signed-in user needs, when the docs name any. */
export function rolesText(roles: readonly string[]): string {
  return roles.length ? `Signed-in users also need one of these roles: ${roles.join(', ')}.` : '';
}

/** The documented eligibility bar of the Monitoring API for a service group. */
export function eligibilityText(service: ServiceGroup | undefined): string {
  return service === 'entra' || service === 'networkAccess'
    ? 'Entra health signals need Microsoft Entra ID P1 or P2 (Global Secure Access also needs its own licence).'
    : 'Microsoft 365 monitoring needs at least 5,000 Office 365 or Microsoft 365 E3/E5 licences and 50 monthly ' +
        'active users; a tenant that newly qualifies can take a few days to show data.';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Friendly metric name for messages, falling back to the function name or a generic phrase. */
export function metricName(fn: string | undefined): string {
  if (!fn) return 'Microsoft 365 monitoring data';
  return metricByFn(fn)?.name ?? fn;
}
