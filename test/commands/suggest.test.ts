import assert from 'node:assert/strict';
import { closest, editDistance } from '../../src/commands/suggest';
import { parseCommand } from '../../src/commands/parse';

describe('command suggestion', () => {
  it('measures edits, counting a transposition as one', () => {
    assert.equal(editDistance('status', 'status'), 0);
    assert.equal(editDistance('stauts', 'status'), 1);
    assert.equal(editDistance('hlep', 'help'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests the closest command for plausible typos and nothing for noise', () => {
    const words = ['help', 'status', 'metrics', 'show'];
    assert.equal(closest('hlep', words), 'help');
    assert.equal(closest('stats', words), 'status');
    assert.equal(closest('metircs', words), 'metrics');
    assert.equal(closest('stat', words), 'status');
    assert.equal(closest('banana', words), undefined);
    assert.equal(closest('', words), undefined);
  });

  it('parses help, its aliases, a leading slash and help topics', () => {
    assert.deepEqual(parseCommand('help'), { ok: true, command: { name: 'help' } });
    assert.deepEqual(parseCommand('  /HELP  '), { ok: true, command: { name: 'help' } });
    assert.deepEqual(parseCommand('?'), { ok: true, command: { name: 'help' } });
    assert.deepEqual(parseCommand('help help'), { ok: true, command: { name: 'help', topic: 'help' } });
  });

  it('explains unknown commands with a clickable suggestion', () => {
    const r = parseCommand('hepl me');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.kind, 'unknown-command');
    assert.equal(r.error.suggestion, 'help me');
    assert.match(r.error.message, /Did you mean `help me`\?.*help/);
    const noise = parseCommand('xyzzy');
    assert.ok(!noise.ok && noise.error.suggestion === undefined && /Send `help`/.test(noise.error.message));
  });

  it('answers empty input and a lone mention with a nudge to help', () => {
    for (const t of ['', '   ', '<at>M365 Pulse</at>']) {
      const r = parseCommand(t);
      assert.ok(!r.ok && r.error.kind === 'empty', t);
    }
  });
});
