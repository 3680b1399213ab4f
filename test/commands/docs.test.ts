import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMANDS, UPCOMING_COMMANDS } from '../../src/commands/grammar';
import { parseCommand } from '../../src/commands/parse';
import { repoRoot } from '../../src/graph/write-metrics-doc';

/** The moment and zone docs/commands.md states for its error messages. */
const opts = { now: new Date('2026-11-27T10:07:30Z'), timeZone: 'UTC' };

describe('docs/commands.md', () => {
  const doc = readFileSync(resolve(repoRoot(__dirname), 'docs/commands.md'), 'utf8');

  it('documents every command with its usage, and every reserved word', () => {
    for (const c of COMMANDS) assert.ok(doc.includes(c.usage), c.usage);
    for (const word of UPCOMING_COMMANDS.keys()) assert.ok(doc.includes(`\`${word}\``), word);
  });

  it('shows only examples that parse', () => {
    const blocks = [...doc.matchAll(/```commands\n([\s\S]*?)```/g)].map((m) => m[1]);
    const lines = blocks.flatMap((b) => b.split('\n')).filter((l) => l.trim());
    assert.ok(lines.length >= 20, `${lines.length} examples`);
    for (const line of lines) {
      const r = parseCommand(line, opts);
      assert.ok(r.ok, `${line}: ${r.ok ? '' : r.error.message}`);
    }
  });

  it('quotes every error answer exactly as the parser gives it', () => {
    const errors = doc.slice(doc.indexOf('## Errors'), doc.indexOf('## For developers'));
    const rows = [...errors.matchAll(/^\| `([^`]+)`\s*\| `([a-z-]+)`\s*\| (.+?)\s*\|$/gm)];
    assert.ok(rows.length >= 20, `${rows.length} rows`);
    for (const [, input, kind, message] of rows) {
      const r = parseCommand(input, opts);
      assert.ok(!r.ok, input);
      assert.equal(r.error.kind, kind, input);
      assert.equal(r.error.message, message, input);
    }
  });
});
