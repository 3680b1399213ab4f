import assert from 'node:assert/strict';
import { buildCatalogCard } from '../../src/cards/catalog-card';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { METRICS, SERVICES } from '../../src/domain/catalog';
import { assertGolden } from './golden';

describe('cards/catalog-card', () => {
  it('golden: all 39 metrics grouped by service', () => {
    const card = buildCatalogCard();
    assertGolden('catalog', card);
    assert.equal(card.version, '1.5');
    const json = JSON.stringify(card);
    for (const m of METRICS) {
      assert.ok(json.includes(`**${m.name}**`), `${m.id} has its name`);
      assert.ok(json.includes(`_Type: ${m.id} · ${m.aliases[0]}`), `${m.id} lists its id and aliases`);
    }
    for (const s of SERVICES) assert.ok(json.includes(`Permission: ${s.permission}`), s.id);
    assert.match(json, /OneDrive for work or school \(preview\)/);
    assert.match(json, /Signed-in users also need one of these roles: Global Reader, Reports Reader/);
  });

  it('stays compact: all 39 metrics well under 28 KB', () => {
    const bytes = cardBytes(buildCatalogCard());
    assert.ok(bytes < MAX_CARD_BYTES, `${bytes} bytes`);
  });

  it('golden: one service group', () => {
    const card = buildCatalogCard('entra');
    assertGolden('catalog-entra', card);
    const json = JSON.stringify(card);
    assert.match(json, /Microsoft Entra metrics/);
    assert.match(json, /6 signals/);
    assert.doesNotMatch(json, /Exchange/);
  });
});
