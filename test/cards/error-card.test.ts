import assert from 'node:assert/strict';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { buildErrorCard } from '../../src/cards/error-card';
import { mapGraphError } from '../../src/graph/error-mapping';
import {
  InvalidRequestError,
  MalformedResponseError,
  MissingPermissionError,
  NetworkError,
  NotAvailableError,
  ServiceError,
  SignInRequiredError,
  ThrottledError,
  TimeoutError,
} from '../../src/graph/errors';
import { validateWindow } from '../../src/domain/window';
import { ENTRA_ROLES } from '../../src/domain/catalog-entra';
import { assertGolden } from './golden';
import { NOW, TENANT } from './synthetic';

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const MFA = 'getMetricsForMfaSignInSuccess';
const REQ = '0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const berlin = { now: NOW, timeZone: 'Europe/Berlin', locale: 'en-GB', command: 'status' };
const utc = { now: NOW, timeZone: 'UTC', locale: 'en-GB' };

function windowError() {
  const result = validateWindow(
    { start: new Date('2026-11-27T12:00:00Z'), end: new Date('2026-11-27T13:00:00Z'), intervalMinutes: 7 },
    { now: NOW.getTime(), startPolicy: 'clamp' },
  );
  assert.ok(!result.ok);
  return result.error;
}

const cases: [string, Error, object, RegExp][] = [
  [
    'sign-in',
    new SignInRequiredError(
      "Microsoft Graph did not accept Pulse's sign-in for this tenant (401 InvalidAuthenticationToken).",
      {
        tenantId: TENANT,
        status: 401,
      },
    ),
    berlin,
    /Sign-in needed/,
  ],
  [
    'missing-permission',
    new MissingPermissionError(
      'Pulse is missing the Microsoft Graph permission ServiceActivity-Exchange.Read.All.',
      { tenantId: TENANT, fn: MAIL, status: 403, code: 'Forbidden', requestId: REQ },
      'ServiceActivity-Exchange.Read.All',
      [],
    ),
    berlin,
    /Permission missing.*Global Administrator or Privileged Role Administrator.*ServiceActivity-Exchange\.Read\.All/,
  ],
  [
    'missing-role',
    new MissingPermissionError(
      'Pulse is missing the Microsoft Graph permission Reports.Read.All.',
      {
        tenantId: TENANT,
        fn: MFA,
        status: 403,
        code: 'Authorization_RequestDenied',
        detail: 'The user has no directory role that allows reading this report.',
      },
      'Reports.Read.All',
      ENTRA_ROLES,
    ),
    utc,
    /Admin role needed.*Global Reader, Reports Reader, Security Reader, Security Administrator, Security Operator/,
  ],
  [
    'throttled',
    new ThrottledError(
      'Microsoft Graph is throttling requests.',
      { tenantId: TENANT, fn: MAIL, status: 429, requestId: REQ },
      new Date(NOW.getTime() + 4 * 60_000 + 30_000),
      'graph',
    ),
    berlin,
    /Try again after 15:25 \(in 5 min\)/,
  ],
  [
    'throttled-budget',
    new ThrottledError(
      'Budget used.',
      { tenantId: TENANT, fn: MAIL, code: 'RequestBudgetExhausted' },
      new Date(NOW.getTime() + 9 * 60_000),
      'budget',
    ),
    utc,
    /100 requests per 10 minutes per report.*Try again after 14:29 \(in 9 min\)/,
  ],
  [
    'not-available',
    new NotAvailableError('Mail delivery is not available for tenant x.', {
      tenantId: TENANT,
      fn: MAIL,
      status: 403,
    }),
    utc,
    /5,000 Office 365 or Microsoft 365 E3\/E5 licences and 50 monthly active users/,
  ],
  [
    'not-available-entra',
    new NotAvailableError('MFA is not available.', { tenantId: TENANT, fn: MFA, status: 403 }),
    utc,
    /Microsoft Entra ID P1 or P2/,
  ],
  [
    'invalid-request',
    new InvalidRequestError(
      'Microsoft Graph rejected the request for Mail delivery (400 BadRequest): bad interval.',
      { tenantId: TENANT, fn: MAIL, status: 400, requestId: REQ },
    ),
    { ...utc, example: 'show mail delivery last 6 hours' },
    /for example: show mail delivery last 6 hours/,
  ],
  [
    'invalid-window',
    windowError(),
    utc,
    /interval must be 5, 10, 15 or 30 minutes; got 7.*for example: 15 minutes/,
  ],
  [
    'network',
    new NetworkError('Microsoft Graph could not be reached (ECONNRESET).', { tenantId: TENANT, fn: MAIL }),
    berlin,
    /could not be reached.*"Try again".*"value":"status"/,
  ],
  [
    'timeout',
    new TimeoutError('Microsoft Graph did not answer within 10 s.', { tenantId: TENANT, fn: MAIL }),
    berlin,
    /took too long/,
  ],
  [
    'service-error',
    new ServiceError('Microsoft Graph had a service problem answering for Mail delivery (503).', {
      tenantId: TENANT,
      fn: MAIL,
      status: 503,
      requestId: REQ,
    }),
    berlin,
    /Request id.*0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b.*15:20 Europe\/Berlin \(14:20 UTC\)/,
  ],
  [
    'malformed-response',
    new MalformedResponseError('Microsoft Graph sent a body Pulse could not read.', {
      tenantId: TENANT,
      fn: MAIL,
      status: 200,
      requestId: REQ,
    }),
    utc,
    /Unexpected answer from Microsoft Graph.*"value":"14:20 UTC"/,
  ],
  [
    'unexpected',
    new TypeError("Cannot read properties of undefined (reading 'v')"),
    berlin,
    /Something went wrong/,
  ],
];

describe('cards/error-card', () => {
  for (const [name, error, context, pattern] of cases) {
    it(`golden: ${name}`, () => {
      const card = buildErrorCard(error, context as Parameters<typeof buildErrorCard>[1]);
      assertGolden(`error-${name}`, card);
      const json = JSON.stringify(card);
      assert.match(json, pattern);
      assert.match(json, /What to do next/);
      assert.equal(card.version, '1.5');
      assert.ok(cardBytes(card) < MAX_CARD_BYTES);
      assert.doesNotMatch(json, /\bat .+\.(js|ts):\d+/, 'no stack trace');
      assert.ok(!json.includes(error.stack?.split('\n')[1]?.trim() ?? '\u0000'));
    });
  }

  it('never shows the message of an unexpected error (it may hold internals)', () => {
    const json = JSON.stringify(
      buildErrorCard(new Error('SQLITE_BUSY: database is locked at /var/data/x.db'), utc),
    );
    assert.doesNotMatch(json, /SQLITE|\/var\/data/);
  });

  it('offers a sign-in button for sign-in errors and "Try again" with the command', () => {
    const card = buildErrorCard(new SignInRequiredError('x', { tenantId: TENANT }), berlin);
    assert.deepEqual(card.actions, [
      { type: 'Action.Submit', title: 'Sign in', data: { msteams: { type: 'imBack', value: 'signin' } } },
      { type: 'Action.Submit', title: 'Try again', data: { msteams: { type: 'imBack', value: 'status' } } },
    ]);
  });

  it('maps what the Graph error mapper produces, status by status', () => {
    const table: [number, object, RegExp][] = [
      [401, { error: { code: 'InvalidAuthenticationToken', message: 'expired' } }, /Sign-in needed/],
      [
        403,
        { error: { code: 'Forbidden', message: 'Missing scope' } },
        /Permission missing.*ServiceActivity-Exchange\.Read\.All/,
      ],
      [
        403,
        { error: { code: 'Forbidden', message: 'Tenant is not eligible (licence).' } },
        /Not available for this tenant/,
      ],
      [404, { error: { code: 'NotFound', message: 'x' } }, /Not available for this tenant/],
      [
        429,
        { error: { code: 'TooManyRequests', message: 'slow down' } },
        /Try again after 14:2\d \(in \d+ min\)/,
      ],
      [400, { error: { code: 'BadRequest', message: 'Invalid interval' } }, /That request did not work/],
      [
        503,
        { error: { code: 'ServiceUnavailable', message: 'x', innerError: { 'request-id': REQ } } },
        /Request id/,
      ],
    ];
    for (const [status, body, pattern] of table) {
      const error = mapGraphError({
        status,
        body,
        tenantId: TENANT,
        fn: MAIL,
        now: NOW.getTime(),
        defaultRetryAfterMs: 300_000,
      });
      assert.match(JSON.stringify(buildErrorCard(error, utc)), pattern, `HTTP ${status}`);
    }
  });
});
