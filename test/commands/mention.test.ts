import assert from 'node:assert/strict';
import { stripMentions } from '../../src/commands/mention';

describe('stripMentions', () => {
  const cases: [string, string][] = [
    ['<at>M365 Pulse</at> help', 'help'],
    ['<at>M365 Pulse</at>&nbsp;status', 'status'],
    ['  <at id="0">M365 Pulse</at>   show  mail delivery ', 'show mail delivery'],
    ['<p><at>Pulse</at> help</p>', 'help'],
    ['help <at>Adele</at>', 'help'],
    ['<AT>Pulse</AT>\u00a0\u200bmetrics', 'metrics'],
    ['no mention here', 'no mention here'],
    ['', ''],
    ['a &amp; b', 'a & b'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
      assert.equal(stripMentions(input), expected));
  }
});
