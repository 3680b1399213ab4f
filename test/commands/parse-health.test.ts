import assert from 'node:assert/strict';
import { parseCommand, type Command, type ParseError } from '../../src/commands/parse';

const command = (text: string): Command | ParseError => {
  const r = parseCommand(text);
  return r.ok ? r.command : r.error;
};

describe("parseCommand: Microsoft's service health", () => {
  const table: [string, Command][] = [
    ['incidents', { name: 'incidents' }],
    ['incidents exchange', { name: 'incidents', scope: { group: 'exchange', label: 'Exchange Online' } }],
    ['incidents for mail', { name: 'incidents', scope: { group: 'exchange', label: 'Exchange Online' } }],
    ['open incidents teams', { name: 'incidents', scope: { group: 'teams', label: 'Microsoft Teams' } }],
    ['issues', { name: 'incidents' }],
    ['service health', { name: 'incidents' }],
    ['incidents intune', { name: 'incidents', scope: { label: 'intune' } }],
    ['incidents power bi', { name: 'incidents', scope: { label: 'power bi' } }],
    ['incident EX123456', { name: 'incident', id: 'EX123456' }],
    ['incident tm654321', { name: 'incident', id: 'TM654321' }],
    ['issue #SP681204', { name: 'incident', id: 'SP681204' }],
    ['messages', { name: 'messages' }],
    ['changes', { name: 'messages' }],
    ['message center teams', { name: 'messages', scope: { group: 'teams', label: 'Microsoft Teams' } }],
    ['changes exchange', { name: 'messages', scope: { group: 'exchange', label: 'Exchange Online' } }],
    ['alerts', { name: 'alerts' }],
  ];
  for (const [text, expected] of table)
    it(JSON.stringify(text), () => assert.deepEqual(command(text), expected));

  it('`incidents` is no longer an alias of `alerts`', () => {
    assert.equal((command('incidents') as Command).name, 'incidents');
  });

  it('an incident needs one id in Microsoft’s form, and says so with an example', () => {
    for (const text of ['incident', 'incident 123456', 'incident EX123456 TM1234', 'incident exchange']) {
      const e = command(text) as ParseError;
      assert.equal(e.kind, 'invalid', text);
      assert.match(e.message, /`incident EX123456`/, text);
      assert.equal(e.suggestion, 'incidents');
    }
  });

  it('a scope that cannot be a service name is refused', () => {
    const e = command(`incidents ${'x'.repeat(45)}`) as ParseError;
    assert.equal(e.kind, 'unknown-service');
  });
});
