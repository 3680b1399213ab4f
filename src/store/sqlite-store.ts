import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ETagConflictError,
  type KeyValueStore,
  type StoreItem,
  type StoreItems,
  type WriteOptions,
} from './store';

interface Row {
  key: string;
  value: string;
  etag: string;
}

/** The embedded store: one SQLite file (WAL), one table of JSON values with eTags. */
export class SqliteStore implements KeyValueStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], Row>;
  private readonly putStmt: Database.Statement<[string, string, string, number]>;
  private readonly delStmt: Database.Statement<[string]>;
  private readonly listStmt: Database.Statement<[string, string], Row>;
  private readonly keysStmt: Database.Statement<[string, string], { key: string }>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)',
    );
    this.getStmt = this.db.prepare('SELECT key, value, etag FROM kv WHERE key = ?');
    this.putStmt = this.db.prepare(
      'INSERT INTO kv (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.delStmt = this.db.prepare('DELETE FROM kv WHERE key = ?');
    this.listStmt = this.db.prepare(
      'SELECT key, value, etag FROM kv WHERE key >= ? AND key < ? ORDER BY key',
    );
    this.keysStmt = this.db.prepare('SELECT key FROM kv WHERE key >= ? AND key < ? ORDER BY key');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const row = this.getStmt.get(key);
      if (row) out[key] = toItem(row);
    }
    return out;
  }

  /** Atomic across the batch: one conflicting item rolls back the others. */
  async write(changes: StoreItems, options: WriteOptions = {}): Promise<void> {
    const now = Date.now();
    // IMMEDIATE takes the write lock before the eTag check, so another process cannot commit in between.
    this.db
      .transaction(() => {
        for (const [key, item] of Object.entries(changes)) {
          const { eTag, ...value } = item;
          if (options.createOnly) {
            if (this.getStmt.get(key)) throw new ETagConflictError(key);
          } else if (eTag && eTag !== '*') {
            const row = this.getStmt.get(key);
            if (row && row.etag !== eTag) throw new ETagConflictError(key);
          }
          this.putStmt.run(key, JSON.stringify(value), randomUUID(), now);
        }
      })
      .immediate();
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => keys.forEach((k) => this.delStmt.run(k)))();
  }

  async list(prefix: string): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const row of this.listStmt.all(prefix, `${prefix}\uffff`)) out[row.key] = toItem(row);
    return out;
  }

  async listKeys(prefix: string): Promise<string[]> {
    return this.keysStmt.all(prefix, `${prefix}\uffff`).map((r) => r.key);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toItem(row: Row): StoreItem {
  return { ...(JSON.parse(row.value) as object), eTag: row.etag };
}
