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
  const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const where = firstDifference(JSON.parse(actual), expected, '$');
  assert.deepEqual(
    JSON.parse(actual),
    expected,
    `card differs from ${name}.json at ${where} (UPDATE_GOLDEN=1 rewrites it if the change is intended)`,
  );
}

/** JSON path of the first difference between two JSON values, for a readable failure. */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? undefined : path;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${k}`,
    );
    if (d) return d;
  }
  return undefined;
}
