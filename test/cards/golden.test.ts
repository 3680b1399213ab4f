import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { buildCatalogCard } from '../../src/cards/catalog-card';
import { assertGolden, firstDifference, GOLDEN_DIR, UPDATING } from './golden';

describe('cards/golden', () => {
  it('fails on any difference from the fixture and names where', function () {
    if (UPDATING) this.skip();
    const card = buildCatalogCard();
    (card.body[0] as { text: string }).text = 'Something else';
    assert.throws(() => assertGolden('catalog', card), /differs from catalog\.json at \$\.body\.0\.text/);
  });

  it('fails when the fixture is missing', function () {
    if (UPDATING) this.skip();
    assert.throws(() => assertGolden('no-such-card', {}), /no-such-card\.json is missing; .*UPDATE_GOLDEN=1/);
  });

  it('finds the first difference', () => {
    assert.equal(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, '$'), '$.a.1.b');
    assert.equal(firstDifference({ a: 1 }, { a: 1, c: 2 }, '$'), '$.c');
    assert.equal(firstDifference([1], { 0: 1 }, '$'), '$');
    assert.equal(firstDifference({ a: [1] }, { a: [1] }, '$'), undefined);
  });
});

describe('cards: every golden card of this folder', () => {
  const mine = /^(status-|board|metric-|catalog|error-)/;
  const files = readdirSync(GOLDEN_DIR).filter((f) => mine.test(f) && f.endsWith('.json'));

  it('covers every case the cards promise', () => {
    const required = [
      'status-normal',
      'status-degraded',
      'status-no-data',
      'status-partial-permission',
      'board',
      'board-updating',
      'metric-6h-last-week',
      'metric-30d',
      'catalog',
      ...[
        'sign-in',
        'missing-permission',
        'missing-role',
        'throttled',
        'not-available',
        'invalid-request',
      ].map((k) => `error-${k}`),
      ...['invalid-window', 'network', 'timeout', 'service-error', 'malformed-response'].map(
        (k) => `error-${k}`,
      ),
    ];
    for (const name of required) assert.ok(files.includes(`${name}.json`), name);
  });

  for (const file of files) {
    it(`${file}: an Adaptive Card 1.5 with $schema, under 28 KB`, () => {
      const card = JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as Record<string, unknown>;
      assert.equal(card.type, 'AdaptiveCard');
      assert.equal(card.version, '1.5');
      assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
      assert.ok(cardBytes(card) < MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
      const charts = collect(card, (n) => typeof n.type === 'string' && n.type.startsWith('Chart.'));
      for (const c of charts) assert.ok(c.fallback, `${file}: every chart has a fallback`);
    });
  }
});

function collect(node: unknown, match: (n: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const here = !Array.isArray(node) && match(n) ? [n] : [];
  return [...here, ...Object.values(n).flatMap((v) => collect(v, match))];
}
