import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueStore } from '../../src/store/store';

/** Files and bytes under a directory (recursively); a missing directory is empty. */
export function directoryBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return { files, bytes };
  }
  for (const name of entries) {
    const path = join(dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) {
      const inner = directoryBytes(path);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += s.size;
    }
  }
  return { files, bytes };
}

/** What a refused request could have left behind: files on disk, store entries, and calls the bot made out. */
export interface Footprint {
  dirs: Record<string, { files: number; bytes: number }>;
  store: string;
  sent: number;
}

/**
 * Snapshots the places an attacker's request could write to or send from: the given directories (the temp dir, the
 * data dir), every store entry, and the number of outbound calls a capture server saw.
 */
export async function footprint(
  dirs: Record<string, string>,
  store: KeyValueStore,
  sent: () => number,
): Promise<Footprint> {
  const items = await store.list('');
  const stable = Object.keys(items)
    .sort()
    .map((k) => [k, items[k]]);
  return {
    dirs: Object.fromEntries(Object.entries(dirs).map(([name, dir]) => [name, directoryBytes(dir)])),
    store: JSON.stringify(stable),
    sent: sent(),
  };
}

/** Bytes written between two snapshots, summed over every directory. */
export function bytesWritten(before: Footprint, after: Footprint): number {
  return Object.keys(after.dirs).reduce(
    (sum, name) => sum + Math.max(0, after.dirs[name].bytes - (before.dirs[name]?.bytes ?? 0)),
    0,
  );
}

/** Fails naming what changed: a directory that gained files or bytes, a store entry, or an outbound call. */
export function assertNothingWrittenOrSent(before: Footprint, after: Footprint, what: string): void {
  for (const name of Object.keys(after.dirs))
    assert.deepEqual(after.dirs[name], before.dirs[name], `${what}: ${name} changed`);
  assert.equal(after.store, before.store, `${what}: the store changed`);
  assert.equal(after.sent, before.sent, `${what}: the bot sent something`);
}
