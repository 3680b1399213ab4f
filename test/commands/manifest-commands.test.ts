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

  it('offers every command of the grammar in the personal scope', () => {
    const personal = lists.find((l) => l.scopes.includes('personal'))!;
    for (const spec of COMMANDS)
      assert.ok(
        personal.commands.some((c) => c.title === spec.name),
        `personal scope lacks ${spec.name}`,
      );
  });
});
