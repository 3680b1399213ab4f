import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  ConfigurationServiceClientCredentialFactory,
  type Request,
  type Response,
} from 'botbuilder';
import type { KeyValueStore } from '../../src/store/store';

/**
 * A bare echo bot on exactly our stack (CloudAdapter, teams-ai Application, the same store): the baseline the
 * status-throughput benchmark compares M365 Pulse against. Not used by the product.
 */
export function createEchoBot(store: KeyValueStore): { process(req: Request, res: Response): Promise<void> } {
  const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const app = new Application<TurnState>({ adapter, storage: store, startTypingTimer: false });
  app.activity(ActivityTypes.Message, async (ctx) => {
    await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
  });
  return {
    process: (req, res) =>
      adapter.process(req, res, async (ctx) => {
        await app.run(ctx);
      }),
  };
}
