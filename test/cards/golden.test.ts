import assert from 'node:assert/strict';
import { buildCatalogCard } from '../../src/cards/catalog-card';
import { assertGolden, firstDifference, UPDATING } from './golden';

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
