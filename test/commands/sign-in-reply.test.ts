import assert from 'node:assert/strict';
import { Identity } from '../../src/auth/identity';
import { errorReply } from '../../src/commands/respond';
import type { CommandServices } from '../../src/commands/services';
import { SignInRequiredError } from '../../src/graph/errors';
import { turn } from './handlers/alert-fakes';

const services = (signInMode: CommandServices['signInMode']) => ({ signInMode }) as CommandServices;

describe('one sign-in-needed error and one reply', () => {
  it('a user with no token (auth) and a token Graph refused (401) get the same reply', async () => {
    const fromAuth = await new Identity('sso').graphToken({ tenantId: 't1', oid: 'oid-1' }).then(
      () => assert.fail('no token expected'),
      (e: unknown) => e,
    );
    const fromGraph = new SignInRequiredError('Microsoft Graph did not accept the token (401).', {
      tenantId: 't1',
    });
    const a = errorReply(fromAuth, turn(), services('sso'), 'status');
    const b = errorReply(fromGraph, turn(), services('sso'), 'status');
    assert.deepEqual(a, b);
    assert.match(JSON.stringify(a), /Sign-in needed/);
    assert.match(JSON.stringify(a), /"value":"signin"/);
    assert.match(JSON.stringify(a), /"value":"status"/, 'offers to repeat the command');
  });

  it('the auth error is the reader interface’s sign-in error kind', async () => {
    const err = await new Identity('sso')
      .graphToken({ tenantId: 't1', oid: 'oid-1' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof SignInRequiredError);
    assert.equal(err.kind, 'SignInRequired');
    assert.equal(err.tenantId, 't1');
  });

  it('without sign-in configured the reply says who must set it up, with no sign-in button', () => {
    const r = errorReply(
      new SignInRequiredError('x', { tenantId: 't1' }),
      turn(),
      services('none'),
      'status',
    );
    assert.match(JSON.stringify(r), /AAD_APP_CLIENT_ID/);
    assert.doesNotMatch(JSON.stringify(r), /"value":"signin"/);
  });
});
