import { adminRolesFor, permissionFor } from '../../alerts/admin-roles';
import { buildNoticeCard } from '../../cards/notice-card';
import { serviceById } from '../../domain/catalog';
import type { ServiceGroup } from '../../domain/catalog-types';
import { MissingPermissionError } from '../../graph/errors';
import type { Reply } from '../reply';
import type { CommandServices } from '../services';

/**
 * Only admins change alert settings: a user may change them for the service groups Graph lets them read (their
 * own permission and admin role, checked by `metrics.access`). Resolves to undefined when every group is allowed,
 * or to the card that names the roles and permission missing; the caller must then change nothing. A denial that
 * proves nothing (throttled, network) is thrown, so the error card offers a retry; so is an expired sign-in.
 */
export async function adminDenial(
  groups: readonly ServiceGroup[],
  services: CommandServices,
  command: string,
): Promise<Reply | undefined> {
  if (!groups.length) return undefined;
  const access = await services.metrics.access(groups);
  const denied = groups.flatMap((g) => {
    const a = access.get(g);
    return a && a.allowed ? [] : [{ group: g, error: a?.error }];
  });
  if (!denied.length) return undefined;
  const proven = denied.filter((d) => !d.error || (!d.error.transient && d.error.kind !== 'SignInRequired'));
  if (!proven.length) throw denied[0].error;
  return { card: adminNeededCard(proven, command) };
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
