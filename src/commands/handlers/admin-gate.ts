import { adminRolesFor, permissionFor } from '../../alerts/admin-roles';
import { buildNoticeCard } from '../../cards/notice-card';
import { serviceById } from '../../domain/catalog';
import type { ServiceGroup } from '../../domain/catalog-types';
import { MissingPermissionError, type MetricsApiError } from '../../graph/errors';
import type { Reply } from '../reply';
import type { CommandServices } from '../services';

/** A service group Graph refused the user, with the refusal when it names the missing permission. */
export interface ProvenDenial {
  group: ServiceGroup;
  error?: MetricsApiError;
}

/**
 * The one access gate of chat commands and card buttons: which of `groups` Graph has proven the user may not read
 * (a 403 naming the permission or role). Resolves to an empty list when every group is allowed. Anything that
 * proves nothing (no or expired sign-in, throttling, a network failure, a 404, a rejected probe) is thrown, so the
 * caller changes and shows nothing and the error card offers sign-in or a retry.
 */
export async function provenDenials(
  groups: readonly ServiceGroup[],
  services: CommandServices,
): Promise<ProvenDenial[]> {
  if (!groups.length) return [];
  const access = await services.metrics.access(groups);
  const denied = groups.flatMap((g) => {
    const a = access.get(g);
    return a && a.allowed ? [] : [{ group: g, error: a?.error }];
  });
  const unproven = denied.find((d) => !d.error || d.error.kind !== 'MissingPermission');
  if (unproven) throw unproven.error ?? new Error(`no access verdict for ${unproven.group}`);
  return denied;
}

/**
 * Only admins change alert settings: a user may change them for the service groups Graph lets them read (their
 * own permission and admin role, checked by `metrics.access`). Resolves to undefined when every group is allowed,
 * or to the card that names the roles and permission missing; the caller must then change nothing. A check that
 * proves nothing is thrown (see `provenDenials`), so the error card offers sign-in or a retry.
 */
export async function adminDenial(
  groups: readonly ServiceGroup[],
  services: CommandServices,
  command: string,
): Promise<Reply | undefined> {
  const proven = await provenDenials(groups, services);
  return proven.length ? { card: adminNeededCard(proven, command) } : undefined;
}

function adminNeededCard(
  denied: readonly { group: ServiceGroup; error?: Error }[],
  command: string,
): ReturnType<typeof buildNoticeCard> {
  const lines = denied.map(({ group, error }) => {
    const name = serviceById(group)?.name ?? group;
    const permission = (error instanceof MissingPermissionError && error.permission) || permissionFor(group);
    return (
      `- **${name}**: one of these roles: ${adminRolesFor(group).join(', ')}; and Pulse needs the Microsoft ` +
      `Graph permission ${permission} with admin consent.`
    );
  });
  return buildNoticeCard({
    tone: 'warning',
    title: 'Admin access needed',
    message:
      `Only admins can change alerts, and Microsoft Graph does not let your sign-in read ` +
      `${denied.map((d) => serviceById(d.group)?.name ?? d.group).join(', ')}, so I changed nothing ` +
      `(\`${command}\`). Who can:\n\n${lines.join('\n')}\n\nSend \`whoami\` to see what your sign-in can read.`,
    actions: [{ title: 'whoami', value: 'whoami' }],
  });
}
