import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file (in test/ or dist/test/) holding package.json. */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
})();

/** Absolute path of a repository file. */
export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

/** A repository text file, read as UTF-8. */
export function readRepoText(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** A repository JSON file, parsed. */
export function readRepoJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readRepoText(...parts)) as T;
}
