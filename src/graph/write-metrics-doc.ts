import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderMetricsDoc } from '../domain/catalog-doc';

/** The repository root: the nearest folder above this file holding package.json (works from src/ and dist/). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Writes docs/metrics.md from the catalog and returns its path. */
export function writeMetricsDoc(root = repoRoot()): string {
  const file = resolve(root, 'docs/metrics.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderMetricsDoc());
  return file;
}

if (require.main === module) {
  process.stdout.write(`wrote ${writeMetricsDoc()}\n`);
}
