import {
  MissingPermissionError,
  type MetricsApiError,
  NetworkError,
  SignInRequiredError,
} from '../../src/graph/errors';
import type { SecurityCase } from './security-case';

export const CASE_TENANT = 'contoso-tenant';
/** The stored incident every case aims at (an Exchange metric). */
export const INCIDENT = {
  id: 'contoso-tenant|r1|getEmailDeliveryMetrics#1',
  key: 'contoso-tenant|r1|getEmailDeliveryMetrics',
};

const ctx = { tenantId: CASE_TENANT };
const refused = (): MetricsApiError =>
  new MissingPermissionError('Graph refused: needs a role', { ...ctx, status: 403 }, undefined, []);

/** A card-action row: the verb and data a (possibly forged) button sends, who presses it, and the answer. */
export interface CardActionCase extends SecurityCase {
  verb: string;
  data: Record<string, unknown>;
  /** How Graph answers the user's access probe for Exchange: allowed (default), or this error. */
  exchange?: MetricsApiError;
  signedIn?: boolean;
  answer: RegExp;
  /** True when the action must reach the alert lifecycle (a control row); false for every refusal. */
  acts?: boolean;
}

const one = { incidentId: INCIDENT.id, incidentKey: INCIDENT.key, tenantId: CASE_TENANT };

/**
 * Forged, oversized and unauthorised alert buttons. Every refusal answers in words, reaches no lifecycle step, and
 * leaves the store as it was; the control rows show the same data acts when the user is allowed.
 */
export const CARD_ACTION_CASES: CardActionCase[] = [
  {
    id: 'ACT-01',
    name: 'admin acknowledges (control)',
    verb: 'alert.ack',
    data: one,
    answer: /acted/,
    acts: true,
  },
  {
    id: 'ACT-02',
    name: 'card of another tenant',
    verb: 'alert.ack',
    data: { ...one, tenantId: 'fabrikam-tenant' },
    answer: /another organization; nothing was changed/,
  },
  {
    id: 'ACT-03',
    name: 'non-admin acknowledges (Graph 403)',
    verb: 'alert.ack',
    data: one,
    exchange: refused(),
    answer: /Only admins can acknowledge this alert/,
  },
  {
    id: 'ACT-04',
    name: 'non-admin opens details (Graph 403)',
    verb: 'alert.details',
    data: one,
    exchange: refused(),
    answer: /Only admins can open the details of this alert/,
  },
  {
    id: 'ACT-05',
    name: 'non-admin asks for the summary (Graph 403)',
    verb: 'alert.summary',
    data: one,
    exchange: refused(),
    answer: /Only admins can show this alert/,
  },
  {
    id: 'ACT-06',
    name: 'not signed in presses Snooze',
    verb: 'alert.snooze',
    data: { ...one, minutes: 60 },
    signedIn: false,
    exchange: new SignInRequiredError('no token', ctx),
    answer: /Sign-in needed/,
  },
  {
    id: 'ACT-07',
    name: 'access probe fails (network) on Mute',
    verb: 'alert.mute',
    data: one,
    exchange: new NetworkError('Could not reach Microsoft Graph', ctx),
    answer: /Try again|Back to the alert/,
  },
  {
    id: 'ACT-08',
    name: 'snooze for a forged duration',
    verb: 'alert.snooze',
    data: { ...one, minutes: 5_256_000 },
    answer: /A snooze lasts 60, 240, 1440 minutes; nothing was changed/,
  },
  {
    id: 'ACT-09',
    name: '10,000-character incident id',
    verb: 'alert.ack',
    data: { ...one, incidentId: 'x'.repeat(10_000) },
    answer: /too much data.*incidentId.*10000 characters/,
  },
  {
    id: 'ACT-10',
    name: '5,000 incident ids on a grouped card',
    verb: 'alert.ack',
    data: {
      groupKey: 'g',
      incidentIds: Array.from({ length: 5_000 }, (_, i) => `id-${i}`),
      tenantId: CASE_TENANT,
    },
    answer: /too much data.*incidentIds.*5000 items/,
  },
  {
    id: 'ACT-11',
    name: 'deeply nested data',
    verb: 'alert.details',
    data: { ...one, extra: { a: { b: { c: { d: 1 } } } } },
    answer: /too much data.*nested too deeply/,
  },
  {
    id: 'ACT-12',
    name: 'alert data without a tenant',
    verb: 'alert.ack',
    data: { incidentId: INCIDENT.id },
    answer: /damaged or from an unknown version; nothing was changed/,
  },
  {
    id: 'ACT-13',
    name: 'refresh repeating a 100,000-character command',
    verb: 'show.refresh',
    data: { text: 'show '.repeat(20_000) },
    answer: /too much data.*text.*100000 characters/,
  },
  {
    id: 'ACT-14',
    name: 'guessed id of an incident not stored',
    verb: 'alert.details',
    data: { ...one, incidentId: 'contoso-tenant|r1|getEmailDeliveryMetrics#7' },
    answer: /no longer stored/,
    acts: true,
  },
];
