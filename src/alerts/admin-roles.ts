import { metricsOfService, serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';

/** Admins with Service Health access, who may read the Microsoft 365 groups' telemetry (the docs name no minimum). */
export const M365_ADMIN_ROLES = [
  'Global Administrator',
  'Service Support Administrator',
  'Global Reader',
] as const;

/** Roles that let a signed-in user read a service group: the catalog's (Entra, GSA) or the Service Health admins. */
export function adminRolesFor(group: ServiceGroup): readonly string[] {
  const roles = metricsOfService(group)[0]?.roles ?? [];
  return roles.length ? roles : M365_ADMIN_ROLES;
}

/** The Graph permission the app needs to read a service group. */
export function permissionFor(group: ServiceGroup): string {
  return serviceById(group)?.permission ?? 'a ServiceActivity permission';
}
