import { buildRulesCard } from '../../cards/rules-card';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { requireSignIn, withAlertStores } from './alert-services';

/** `rules`: the tenant's rules, numbered. Sign-in, not admin. */
export function handleRules(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const rules = await stores.rules.list(ctx.tenantId);
    return { card: buildRulesCard({ rules, now: ctx.now, timeZone: ctx.timeZone, locale: ctx.locale }) };
  });
}
