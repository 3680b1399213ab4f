import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWide } from '../../src/cards/adaptive-card';
import { STATE_LOOK } from '../../src/cards/metric-state';
import { GOLDEN_DIR } from './golden';

/** Coloured circles: a screen reader reads them as "red circle", so a word must say what they mean. */
const COLOURED = /[🔴🟠🟡🟢🔵🟣⚪⚫]/u;

/** Words that name a state: the status states and the alert lifecycle. */
const STATE_WORDS = new RegExp(
  `\\b(${[
    ...Object.values(STATE_LOOK).map((l) => l.label),
    'firing',
    'acknowledged',
    'snoozed',
    'resolved',
    'muted',
  ].join('|')})\\b`,
  'i',
);

type Json = Record<string, unknown>;

/** Every `items`/`body`/`cells` list of TextBlocks, so a block can be judged with the one after it. */
function blockLists(node: unknown, out: Json[][] = []): Json[][] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    out.push(node.filter((n): n is Json => !!n && typeof n === 'object'));
    node.forEach((n) => blockLists(n, out));
  } else Object.values(node).forEach((v) => blockLists(v, out));
  return out;
}

/** Coloured circles without a state word in the same TextBlock or the one right after it. */
export function colourOnlyTexts(card: unknown): string[] {
  const out: string[] = [];
  for (const list of blockLists(card))
    list.forEach((n, i) => {
      if (n.type !== 'TextBlock' || typeof n.text !== 'string' || !COLOURED.test(n.text)) return;
      const next = list[i + 1];
      const nextText = next?.type === 'TextBlock' && typeof next.text === 'string' ? next.text : '';
      if (!STATE_WORDS.test(n.text) && !STATE_WORDS.test(nextText)) out.push(n.text);
    });
  return out;
}

describe('cards: accessibility rules (the checks themselves)', () => {
  it('finds a coloured dot with no state word, and accepts one with a word or a state line after it', () => {
    const card = {
      body: [
        { type: 'TextBlock', text: '🔴 Mail delivery' },
        { type: 'TextBlock', text: 'Latest 2.4K' },
        { type: 'TextBlock', text: '🟠 Mail delivery' },
        { type: 'TextBlock', text: 'Acknowledged by Adele Vance at 14:05' },
        { type: 'TextBlock', text: '🟢 Mail delivery · normal' },
      ],
    };
    assert.deepEqual(colourOnlyTexts(card), ['🔴 Mail delivery']);
  });

  it('calls a card with a table or a chart wide', () => {
    assert.equal(isWide([{ type: 'Container', items: [{ type: 'Table', rows: [] }] }]), true);
    assert.equal(isWide([{ type: 'Chart.Line', data: [] }]), true);
    assert.equal(isWide([{ type: 'TextBlock', text: 'Table' }]), false);
  });
});

describe('cards: every golden card is accessible', () => {
  const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    it(file, () => {
      const card = JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as Json;
      assert.deepEqual(colourOnlyTexts(card), [], 'a state word next to every coloured dot');
      if (isWide(card.body))
        assert.deepEqual(card.msteams, { width: 'Full' }, 'a card with a table or chart asks for full width');
    });
  }
});
