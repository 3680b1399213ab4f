import { permissionsInToken } from '../../auth/graph-scopes';
import { buildNoticeCard } from '../../cards/notice-card';
import { buildWhoamiCard } from '../../cards/whoami-card';
import { SERVICES } from '../../domain/catalog';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

/** `whoami`: name, tenant, and per service group whether the token carries the permission. */
export async function handleWhoami(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  const granted = new Set(permissionsInToken(await services.graphToken()).map((p) => p.toLowerCase()));
  return {
    card: buildWhoamiCard({
      name: ctx.user.name ?? ctx.user.id,
      tenantId: ctx.tenantId,
      signInMode: services.signInMode,
      groups: SERVICES.map((s) => ({
        service: s.name,
        permission: s.permission,
        granted: granted.has(s.permission.toLowerCase()),
      })),
    }),
  };
}

/** `signin`: by the time this runs, sign-in has happened (SSO or demo); confirm it. */
export async function handleSignin(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  await services.graphToken();
  return {
    card: buildNoticeCard({
      tone: 'info',
      title: 'Signed in',
      message: `You're signed in as ${ctx.user.name ?? ctx.user.id}. I read telemetry on your behalf, so Graph's own permission and role checks apply.`,
      actions: [
        { title: 'whoami', value: 'whoami' },
        { title: 'help', value: 'help' },
      ],
    }),
  };
}

/** `signout`: forget the user's tokens. */
export async function handleSignout(services: CommandServices): Promise<Reply> {
  await services.signOut();
  return {
    card: buildNoticeCard({
      tone: 'info',
      title: 'Signed out',
      message:
        'I deleted the tokens I kept for you. Commands that read tenant data will ask you to sign in again.',
      actions: [{ title: 'signin', value: 'signin' }],
    }),
  };
}
