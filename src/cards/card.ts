import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as plain JSON (version 1.5, what Teams renders). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/** Expands a JSON template with adaptivecards-templating; the result is plain card JSON. */
export function expandTemplate(template: object, data: object): AdaptiveCard {
  return new Template(template).expand({ $root: data }) as AdaptiveCard;
}

/** An Action.Submit that posts `text` back as if the user typed it (Teams imBack): used for suggestions. */
export function imBackAction(title: string, text: string): object {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } };
}
