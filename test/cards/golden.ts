import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** Where golden cards live (the source tree, also when the test runs from dist/). */
export const GOLDEN_DIR = join(repoRoot(), 'test', 'fixtures', 'cards');

/** True when fixtures are being rewritten (`UPDATE_GOLDEN=1`). */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares a card with `test/fixtures/cards/<name>.json`, failing on any difference; with `UPDATE_GOLDEN=1` it
 * rewrites the fixture instead.
 */
export function assertGolden(name: string, card: object): void {
  const file = join(GOLDEN_DIR, `${name}.json`);
  const actual = `${JSON.stringify(card, null, 2)}\n`;
  if (UPDATING) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(
    existsSync(file),
    `Golden file ${file} is missing; run the tests with UPDATE_GOLDEN=1 to create it`,
  );
  const expected = readFileSync(file, 'utf8');
  assert.deepEqual(JSON.parse(actual), JSON.parse(expected), `card differs from ${name}.json`);
}
