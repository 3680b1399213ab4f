import assert from 'node:assert/strict';
import { readRepoJson } from './repo-files';

interface PackageJson {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
}
interface LockFile {
  packages: Record<string, { hasInstallScript?: boolean; resolved?: string; dev?: boolean }>;
}

const pkg = readRepoJson<PackageJson>('package.json');
const lock = readRepoJson<LockFile>('package-lock.json');

/** Names of the locked packages that have install scripts (npm 11 asks for a decision on each). */
function withInstallScripts(lockFile: LockFile): string[] {
  return Object.entries(lockFile.packages)
    .filter(([path, p]) => path !== '' && p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .sort();
}

describe('package.json: install scripts and engines', () => {
  it('decides allowScripts for every locked package with an install script, so npm ci warns of none', () => {
    const decided = Object.keys(pkg.allowScripts).sort();
    assert.deepEqual(decided, [...new Set(withInstallScripts(lock))]);
    assert.equal(pkg.allowScripts['better-sqlite3'], true, 'better-sqlite3 must build its native module');
  });

  it('names packages without versions, as the lockfile records no resolved URL to check a version against', () => {
    const resolved = Object.values(lock.packages).filter((p) => p.resolved !== undefined);
    if (resolved.length > 0) return; // a lockfile with resolved URLs could take pinned keys too
    for (const key of Object.keys(pkg.allowScripts)) assert.doesNotMatch(key, /.@/, key);
  });

  it('catches a new package with an install script', () => {
    const grown: LockFile = {
      packages: { ...lock.packages, 'node_modules/canvas': { hasInstallScript: true } },
    };
    assert.notDeepEqual(Object.keys(pkg.allowScripts).sort(), [...new Set(withInstallScripts(grown))]);
  });

  it('allows Node 20.19+ and 22 LTS (the deployment target), and the Node running these tests', () => {
    const ranges = pkg.engines.node
      .split('||')
      .map((r) => /^\s*\^(\d+)\.(\d+)\.\d+\s*$/.exec(r)!.slice(1).map(Number));
    assert.deepEqual(
      ranges.map(([major]) => major),
      [20, 22],
    );
    const [major, minor] = process.versions.node.split('.').map(Number);
    assert.ok(
      ranges.some(([m, n]) => major === m && minor >= n),
      `Node ${process.versions.node} is outside ${pkg.engines.node}`,
    );
  });
});
