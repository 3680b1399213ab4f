import assert from 'node:assert/strict';
import {
  InvalidRequestError,
  MissingPermissionError,
  NotAvailableError,
  ServiceError,
  SignInRequiredError,
  ThrottledError,
} from '../../src/graph/errors';
import { mapGraphError, readGraphErrorBody, redactSecrets } from '../../src/graph/error-mapping';
import { headerLookup } from '../../src/graph/retry-after';

const NOW = Date.parse('2024-10-02T12:00:00Z');
const TENANT = '11111111-2222-3333-4444-555555555555';
const body = (code: string, message: string) =>
  JSON.stringify({
    error: { code, message, innerError: { 'request-id': 'req-123', date: '2024-10-02T12:00:00' } },
  });

describe('graph/errors', () => {
  it('401 -> SignInRequired with tenant, status, code and request-id', () => {
    const e = mapGraphError({
      status: 401,
      body: body('InvalidAuthenticationToken', 'Access token has expired.'),
      tenantId: TENANT,
      fn: 'getMetricsForMfaSignInSuccess',
      now: NOW,
    });
    assert.ok(e instanceof SignInRequiredError);
    assert.equal(e.kind, 'SignInRequired');
    assert.deepEqual(
      [e.tenantId, e.fn, e.status, e.code, e.requestId],
      [TENANT, 'getMetricsForMfaSignInSuccess', 401, 'InvalidAuthenticationToken', 'req-123'],
    );
    assert.match(
      e.message,
      new RegExp(`did not accept Pulse's sign-in for tenant ${TENANT} \\(401 InvalidAuthenticationToken\\)`),
    );
    assert.equal(e.transient, false);
  });

  it('403 -> MissingPermission naming the catalog permission (Exchange, no roles documented)', () => {
    const e = mapGraphError({
      status: 403,
      body: body('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      tenantId: TENANT,
      fn: 'getMessageVolumeMetricsForEmailDelivery',
      now: NOW,
    });
    assert.ok(e instanceof MissingPermissionError);
    assert.equal(e.permission, 'ServiceActivity-Exchange.Read.All');
    assert.deepEqual(e.roles, []);
    assert.match(
      e.message,
      /missing the Microsoft Graph permission ServiceActivity-Exchange\.Read\.All needed for .+ in tenant/,
    );
    assert.match(e.message, /grant admin consent/);
    assert.doesNotMatch(e.message, /roles:/);
  });

  it('403 on an Entra metric also names the documented roles', () => {
    const e = mapGraphError({
      status: 403,
      body: body('accessDenied', 'Forbidden'),
      tenantId: TENANT,
      fn: 'getMetricsForMfaSignInFailure',
      now: NOW,
    });
    assert.ok(e instanceof MissingPermissionError);
    assert.equal(e.permission, 'Reports.Read.All');
    assert.ok(e.roles.includes('Reports Reader'), e.roles.join());
    assert.match(e.message, /Reports\.Read\.All.*one of these roles: .*Reports Reader/);
  });

  it('403 about licences -> NotAvailable explaining the eligibility bar', () => {
    const e = mapGraphError({
      status: 403,
      body: body('Forbidden', 'Tenant does not have the required license for this report.'),
      tenantId: TENANT,
      fn: 'getConnectivityMetricsForExchange',
      now: NOW,
    });
    assert.ok(e instanceof NotAvailableError);
    assert.match(e.message, /not available for tenant .*5,000 .*E3\/E5 licences and 50 monthly active users/);
    const entra = mapGraphError({
      status: 403,
      body: body('notAvailable', 'not eligible'),
      tenantId: TENANT,
      fn: 'getMetricsForSamlSignInSuccess',
      now: NOW,
    });
    assert.match(entra.message, /Entra ID P1 or P2/);
  });

  it('404 -> NotAvailable', () => {
    assert.ok(
      mapGraphError({ status: 404, body: '', tenantId: TENANT, fn: 'getX', now: NOW }) instanceof
        NotAvailableError,
    );
  });

  it("400 -> InvalidRequest carrying Graph's message", () => {
    const e = mapGraphError({
      status: 400,
      body: body('BadRequest', 'Invalid aggregationIntervalInMinutes value.'),
      tenantId: TENANT,
      fn: 'getUsageMetricsForTeamsByLaunch',
      now: NOW,
    });
    assert.ok(e instanceof InvalidRequestError);
    assert.match(
      e.message,
      /rejected the request for .+ \(400 BadRequest\): Invalid aggregationIntervalInMinutes value\./,
    );
  });

  it('429 -> Throttled with retryAfter from seconds or an HTTP date', () => {
    const secs = mapGraphError({
      status: 429,
      body: body('TooManyRequests', 'Please retry again later.'),
      headers: headerLookup({ 'Retry-After': '10' }),
      tenantId: TENANT,
      fn: 'getMessageVolumeMetricsForTeamsChat',
      now: NOW,
    });
    assert.ok(secs instanceof ThrottledError);
    assert.equal(secs.retryAfter.toISOString(), '2024-10-02T12:00:10.000Z');
    assert.equal(secs.source, 'graph');
    assert.match(secs.message, /throttling .* try again after 2024-10-02 12:00:10 UTC/);
    const date = mapGraphError({
      status: 429,
      body: '',
      headers: headerLookup({ 'retry-after': 'Wed, 02 Oct 2024 12:01:00 GMT' }),
      tenantId: TENANT,
      now: NOW,
    });
    assert.equal((date as ThrottledError).retryAfter.toISOString(), '2024-10-02T12:01:00.000Z');
    assert.equal(date.transient, true);
  });

  it('503 -> ServiceError; the request-id falls back to the response header', () => {
    const e = mapGraphError({
      status: 503,
      body: 'upstream down',
      headers: headerLookup({ 'request-id': 'hdr-9' }),
      tenantId: TENANT,
      now: NOW,
    });
    assert.ok(e instanceof ServiceError);
    assert.equal(e.requestId, 'hdr-9');
    assert.equal(e.code, undefined);
    assert.match(e.message, /service problem .*\(503\)/);
  });

  it('never puts a token into a message or detail', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4eHgiLCJyb2xlcyI6W119.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const e = mapGraphError({
      status: 400,
      body: body('BadRequest', `Bad header Authorization: Bearer ${jwt} access_token=${jwt}`),
      tenantId: TENANT,
      now: NOW,
    });
    assert.doesNotMatch(`${e.message} ${e.detail}`, /eyJ/);
    assert.match(e.detail ?? '', /Bearer \[redacted\]/);
    assert.equal(redactSecrets('client_secret=abc&x=1'), 'client_secret=[redacted]&x=1');
  });

  it('reads error bodies leniently', () => {
    assert.deepEqual(readGraphErrorBody('not json'), {});
    assert.deepEqual(readGraphErrorBody({ error: 'x' }), {});
    assert.deepEqual(
      readGraphErrorBody({ error: { code: '', message: 'm', innerError: { requestId: 'r' } } }),
      { code: undefined, message: 'm', requestId: 'r' },
    );
  });
});
