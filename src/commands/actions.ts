import { buildNoticeCard } from '../cards/notice-card';
import { serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { handleBoard, handleStatus } from './handlers/status';
import type { CommandContext, Reply } from './reply';
import { errorReply, respondToText } from './respond';
import type { CommandServices } from './services';

/** Action.Execute verbs the cards carry (buttons and the board's automatic refresh). */
export const CARD_VERBS = ['status.refresh', 'status.details', 'board.refresh', 'show.refresh'] as const;

/** Answers a card button or refresh with the card that replaces it. Data comes from the card, so it is checked. */
export async function respondToAction(
  verb: string,
  data: Record<string, unknown>,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const service =
    typeof data.service === 'string'
      ? (serviceById(data.service)?.id as ServiceGroup | undefined)
      : undefined;
  try {
    switch (verb) {
      case 'status.refresh':
      case 'status.details':
        return await handleStatus(service, ctx, services);
      case 'board.refresh':
        return await handleBoard(service, ctx, services);
      case 'show.refresh':
        if (typeof data.text === 'string')
          return await respondToText(withCompare(data.text, data.compare === true), ctx, services);
    }
  } catch (err) {
    return errorReply(err, ctx, services);
  }
  return {
    card: buildNoticeCard({
      tone: 'warning',
      title: 'This button no longer works',
      message:
        'This card comes from an older version of M365 Pulse. Send the command again for a fresh card.',
      actions: [{ title: 'help', value: 'help' }],
    }),
  };
}

/** The "vs last week" button sends the same query with `compare: true`. */
function withCompare(text: string, compare: boolean): string {
  return compare && !/\bvs\.? last week\b/i.test(text) ? `${text} vs last week` : text;
}

/** What a card shows while its data takes longer than Teams waits for a card action (about 5 s). */
export function updatingReply(): Reply {
  return {
    card: buildNoticeCard({
      tone: 'info',
      title: 'Updating…',
      message: 'Fresh data is on its way from Microsoft Graph; this card will update itself in a moment.',
    }),
  };
}
