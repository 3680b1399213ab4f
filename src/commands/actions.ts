import { buildNoticeCard } from '../cards/notice-card';
import { serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { oversizeActionData } from './action-limits';
import {
  ALERT_ACTION_VERBS,
  alertButtonData,
  handleAlertButton,
  withBackToAlert,
} from './handlers/alert-button';
import { handleBoard, handleStatus } from './handlers/status';
import type { CommandContext, Reply } from './reply';
import { errorReply, respondToText } from './respond';
import type { CommandServices } from './services';

/** Action.Execute verbs the cards carry (buttons, the board's automatic refresh, alert buttons). */
export const CARD_VERBS: readonly string[] = [
  'status.refresh',
  'status.details',
  'board.refresh',
  'show.refresh',
  ...ALERT_ACTION_VERBS,
];

/**
 * Answers a card button or refresh with the card that replaces it. Data comes from the card, so it is checked:
 * oversized data is refused before anything is read or written, and every verb passes the same sign-in and access
 * checks as the chat command it stands for.
 */
export async function respondToAction(
  verb: string,
  data: Record<string, unknown>,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const oversize = oversizeActionData(data);
  if (oversize)
    return {
      card: buildNoticeCard({
        tone: 'warning',
        title: 'This button carries too much data',
        message: `I did not act on it and changed nothing: ${oversize}. Send the command again for a fresh card.`,
        actions: [{ title: 'help', value: 'help' }],
      }),
    };
  if (ALERT_ACTION_VERBS.includes(verb)) {
    const alert = alertButtonData(data);
    if (!('tenantId' in alert)) return alert;
    try {
      return await handleAlertButton(verb, alert, ctx, services);
    } catch (err) {
      return withBackToAlert(errorReply(err, ctx, services), alert);
    }
  }
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
