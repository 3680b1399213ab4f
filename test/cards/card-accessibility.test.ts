import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWide } from '../../src/cards/adaptive-card';
import { STATE_LOOK } from '../../src/cards/metric-state';
import { SPARK_BARS } from '../../src/cards/sparkline';
import { CHART_SUMMARY_PREFIX } from '../../src/cards/trend-chart';
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

/** Words that say what a sparkline shows; the glyphs alone read as "lower one eighth block…". */
const TREND_WORDS = /\b(rising|falling|steady|no data)\b/;

/** Charts (`Chart.*`) without a summary TextBlock right before or after them in the same list. */
export function chartsWithoutSummary(card: unknown): string[] {
  const out: string[] = [];
  const isSummary = (n: Json | undefined) =>
    n?.type === 'TextBlock' && typeof n.text === 'string' && n.text.startsWith(CHART_SUMMARY_PREFIX);
  for (const list of blockLists(card))
    list.forEach((n, i) => {
      if (
        typeof n.type === 'string' &&
        n.type.startsWith('Chart.') &&
        !isSummary(list[i - 1]) &&
        !isSummary(list[i + 1])
      )
        out.push(String(n.title ?? n.type));
    });
  return out;
}

/** TextBlocks holding sparkline glyphs with no trend word in them. */
export function unlabelledSparklines(card: unknown): string[] {
  const out: string[] = [];
  const glyph = new RegExp(`[${SPARK_BARS}]{3}`);
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as Json;
    if (
      node.type === 'TextBlock' &&
      typeof node.text === 'string' &&
      glyph.test(node.text) &&
      !TREND_WORDS.test(node.text)
    )
      out.push(node.text);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

describe('cards: accessibility rules (the checks themselves)', () => {
  it('finds a chart without a summary next to it, and a sparkline without a trend word', () => {
    const chart = { type: 'Chart.Line', title: 'Mail delivery', data: [] };
    const summary = { type: 'TextBlock', text: `${CHART_SUMMARY_PREFIX}Mail delivery: latest 1.2K.` };
    assert.deepEqual(chartsWithoutSummary({ body: [chart] }), ['Mail delivery']);
    assert.deepEqual(chartsWithoutSummary({ body: [chart, summary] }), []);
    assert.deepEqual(chartsWithoutSummary({ body: [{ type: 'Container', items: [summary, chart] }] }), []);
    const spark = { type: 'TextBlock', text: '▆▇▇▇▁▁' };
    assert.deepEqual(unlabelledSparklines({ body: [spark] }), ['▆▇▇▇▁▁']);
    assert.deepEqual(unlabelledSparklines({ body: [{ ...spark, text: '▆▇▇▇▁▁ falling' }] }), []);
  });

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
      assert.deepEqual(chartsWithoutSummary(card), [], 'a one-line summary next to every chart');
      assert.deepEqual(unlabelledSparklines(card), [], 'a trend word in every sparkline');
      if (isWide(card.body))
        assert.deepEqual(card.msteams, { width: 'Full' }, 'a card with a table or chart asks for full width');
    });
  }
});
