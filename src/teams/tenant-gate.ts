import { ActivityTypes, type TurnContext } from 'botbuilder';
import { tenantOf } from './turn-info';

/** True when the activity's tenant may use the bot. An empty allow-list (demo mode only) admits every tenant. */
export function tenantAllowed(ctx: TurnContext, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const tenant = tenantOf(ctx.activity);
  return tenant !== undefined && allowed.includes(tenant);
}

/** One polite refusal for a message from a tenant that is not allowed; other activities are dropped silently. */
export async function refuseTenant(ctx: TurnContext): Promise<void> {
  if (ctx.activity.type !== ActivityTypes.Message) return;
  await ctx.sendActivity(
    "M365 Pulse isn't enabled for your organization. Ask the administrator who runs this bot to add your tenant to its allowed tenants.",
  );
}
