import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMMANDS, UPCOMING_COMMANDS } from '../../src/commands/grammar';
import { parseCommand } from '../../src/commands/parse';

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}

const manifest = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};
const lists = manifest.bots[0].commandLists;
/** Teams' limit on the commands of one list: `commandLists[].commands` maxItems in the v1.30 manifest schema. */
const MAX_LIST_COMMANDS = 12;

describe("the manifest's command lists match the grammar", () => {
  it('lists only commands the parser understands, in every scope', () => {
    for (const list of lists) {
      for (const c of list.commands) {
        const known = COMMANDS.some((s) => s.name === c.title) || UPCOMING_COMMANDS.has(c.title);
        assert.ok(known, `${list.scopes.join('/')} lists "${c.title}", which the grammar does not know`);
        const parsed = parseCommand(c.title);
        assert.ok(
          parsed.ok || parsed.error.kind !== 'unknown-command',
          `"${c.title}" parses as an unknown command`,
        );
      }
    }
  });

  it("offers the main commands in the personal scope, help first, within Teams' limit of 12 per list", () => {
    // 18 commands do not fit a Teams command list; the others are one `help` away.
    const personal = lists.find((l) => l.scopes.includes('personal'))!;
    assert.ok(personal.commands.length <= Math.min(MAX_LIST_COMMANDS, COMMANDS.length));
    assert.equal(personal.commands[0].title, 'help');
    for (const name of [
      'status',
      'show',
      'metrics',
      'board',
      'whoami',
      'signin',
      'signout',
      'subscribe',
      'alerts',
    ])
      assert.ok(
        personal.commands.some((c) => c.title === name),
        `personal scope lacks ${name}`,
      );
  });
});
