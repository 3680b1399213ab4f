import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt, encrypt } from '../../src/auth/cache-crypto';
import { WrongCacheKeyError } from '../../src/auth/cache-key';
import { startBot, type RunningBot } from '../../src/start-bot';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore, StoreItems, WriteOptions } from '../../src/store/store';
import { startAzurite, type Azurite } from '../store/azurite';
import type { SecurityCase } from './security-case';

const KEY = Buffer.alloc(32, 9);
const CONTEXT = 'tokencache/t1/users/u1';

/** A sealed entry whose GCM tag was cut to `bytes` bytes, as someone with write access to the store could. */
function withTagOf(bytes: number): string {
  const [v, iv, tag, body] = encrypt(KEY, '{"Account":{}}', CONTEXT).split('.');
  return [v, iv, Buffer.from(tag, 'base64url').subarray(0, bytes).toString('base64url'), body].join('.');
}

interface TagCase extends SecurityCase {
  sealed: () => string;
}

/** Truncated tags: Node checks only as many tag bytes as it is given unless the length is pinned. */
export const TAG_CASES: TagCase[] = [
  { id: 'CRY-01', name: 'GCM tag cut to 4 bytes', sealed: () => withTagOf(4) },
  { id: 'CRY-02', name: 'GCM tag cut to 8 bytes', sealed: () => withTagOf(8) },
  { id: 'CRY-03', name: 'GCM tag cut to 12 bytes', sealed: () => withTagOf(12) },
  { id: 'CRY-04', name: 'GCM tag cut to 15 bytes', sealed: () => withTagOf(15) },
  { id: 'CRY-05', name: 'GCM tag empty', sealed: () => withTagOf(0) },
];

/** Two first instances racing to write the key check, on each store the product supports. */
export const KEY_RACE_CASES: SecurityCase[] = [
  { id: 'CRY-06', name: 'two first instances with different keys on one SQLite store' },
  { id: 'CRY-07', name: 'two first instances with different keys on one Azure Blob container (Azurite)' },
];

describe('security: token cache crypto', function () {
  this.timeout(60_000);

  it('decrypts an entry with the full 16-byte tag (control)', () => {
    assert.equal(decrypt(KEY, encrypt(KEY, 'x', CONTEXT), CONTEXT), 'x');
    assert.equal(Buffer.from(encrypt(KEY, 'x', CONTEXT).split('.')[2], 'base64url').length, 16);
  });

  for (const c of TAG_CASES) {
    it(`${c.id} ${c.name}: refused`, () => {
      assert.throws(() => decrypt(KEY, c.sealed(), CONTEXT), /not an encrypted token cache entry|tag/i);
    });
  }

  describe('the key check is written create-only: of two first instances with different keys, one starts', () => {
    let azurite: Azurite | undefined;
    const dirs: string[] = [];
    after(async () => {
      await azurite?.stop();
      dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    });

    /** Demo mode with the demo identity: the smallest real start that opens the encrypted token cache. */
    const envFor = (key: Buffer, extra: Record<string, string>) => ({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_IDENTITY: 'true',
      AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-0000000000c1',
      AAD_APP_CLIENT_SECRET: 'not-a-real-secret',
      GRAPH_BASE_URL: 'http://127.0.0.1:9',
      TOKEN_CACHE_KEY: key.toString('base64'),
      ...extra,
    });

    async function race(extra: Record<string, string>, open: () => Promise<KeyValueStore>) {
      const keys = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
      const gate = new ReadBarrier(2);
      const stores = await Promise.all(keys.map(async () => gate.wrap(await open())));
      const started = await Promise.allSettled(
        keys.map((k, i) => startBot(envFor(k, extra), { monitor: false, store: stores[i] })),
      );
      const up = started.filter((s): s is PromiseFulfilledResult<RunningBot> => s.status === 'fulfilled');
      const down = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
      await Promise.all(up.map((s) => s.value.close()));
      await Promise.all(started.map((s, i) => (s.status === 'rejected' ? stores[i].close() : undefined)));
      for (const s of down) if (!up.length) throw s.reason;
      return { gate, up: up.length, errors: down.map((d) => d.reason as Error) };
    }

    const check = (r: Awaited<ReturnType<typeof race>>) => {
      assert.equal(r.gate.released, true, 'both instances read the missing key check before either wrote it');
      assert.equal(r.up, 1, `exactly one instance starts (${r.up} did)`);
      assert.equal(r.errors.length, 1);
      assert.ok(r.errors[0] instanceof WrongCacheKeyError, String(r.errors[0]));
      assert.match(r.errors[0].message, /^Configuration error: TOKEN_CACHE_KEY does not decrypt/);
    };

    it(`${KEY_RACE_CASES[0].id} ${KEY_RACE_CASES[0].name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pulse-sec-keyrace-'));
      dirs.push(dir);
      const path = join(dir, 'pulse.db');
      check(await race({ STORE_PATH: path }, () => createStore({ kind: 'sqlite', sqlitePath: path })));
    });

    it(`${KEY_RACE_CASES[1].id} ${KEY_RACE_CASES[1].name}`, async () => {
      azurite = await startAzurite();
      const azure = {
        connectionString: azurite.connectionString,
        container: `keyrace-${randomUUID().slice(0, 8)}`,
      };
      const dir = mkdtempSync(join(tmpdir(), 'pulse-sec-keyrace-'));
      dirs.push(dir);
      const env = {
        STORE: 'azure-blob',
        AZURE_STORAGE_CONNECTION_STRING: azure.connectionString,
        AZURE_STORAGE_CONTAINER: azure.container,
        STORE_PATH: join(dir, 'unused.db'),
      };
      check(await race(env, () => createStore({ kind: 'azure-blob', azure })));
    });
  });
});

const CHECK_KEY = 'tokencache/_keycheck';

/**
 * Holds every instance's read of the key check until all `parties` have asked, so the race the product must survive
 * (both see no key check, both try to write one) happens on every run rather than by chance.
 */
class ReadBarrier {
  released = false;
  private waiting = 0;
  private open!: () => void;
  private readonly opened = new Promise<void>((r) => (this.open = r));

  constructor(private readonly parties: number) {}

  wrap(store: KeyValueStore): KeyValueStore {
    let first = true;
    const gate = async () => {
      if (!first) return;
      first = false;
      if (++this.waiting === this.parties) {
        this.released = true;
        this.open();
      }
      await this.opened;
    };
    return {
      read: async (keys: string[]): Promise<StoreItems> => {
        const items = await store.read(keys);
        if (keys.includes(CHECK_KEY)) await gate();
        return items;
      },
      write: (changes: StoreItems, options?: WriteOptions) => store.write(changes, options),
      delete: (keys) => store.delete(keys),
      list: (prefix) => store.list(prefix),
      ping: () => store.ping(),
      close: () => store.close(),
    };
  }
}
