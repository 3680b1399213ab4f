import template from './templates/notice.json';
import { expandTemplate, type AdaptiveCard } from './adaptive-card';

export type NoticeTone = 'info' | 'warning' | 'error';

const COLORS: Record<NoticeTone, string> = { info: 'Default', warning: 'Warning', error: 'Attention' };

/** A short card that says what happened and what to do next, with optional one-click commands. */
export function buildNoticeCard(input: {
  tone: NoticeTone;
  title: string;
  message: string;
  reference?: string;
  actions?: { title: string; value: string }[];
}): AdaptiveCard {
  return expandTemplate(template, {
    title: input.title,
    message: input.message,
    color: COLORS[input.tone],
    reference: input.reference ?? '',
    actions: input.actions ?? [],
  });
}
