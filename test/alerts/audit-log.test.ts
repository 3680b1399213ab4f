import assert from 'node:assert/strict';
import { AuditLog } from '../../src/alerts/audit-log';
import type { AuditEntry } from '../../src/monitor/audit';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ETagConflictError } from '../../src/store/store';
import { TENANT } from './helpers';

const by = { id: 'oid-ana', name: 'Ana Lopez', teamsId: '29:ana' };
const entry = (at: string, action: AuditEntry['action'] = 'subscribe'): AuditEntry => ({
  tenantId: TENANT,
  at,
  by,
  action,
  target: '19:x@thread.tacv2',
  detail: 'to all services',
});

describe('AuditLog (SQLite :memory:)', () => {
  let kv: SqliteStore;
  let ids: number;
  let log: AuditLog;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    ids = 0;
    log = new AuditLog(kv, () => `id${++ids}`);
  });
  afterEach(() => kv.close());

  it('appends under audit/<tenant>/<time>-<id>, with who (name, Entra and Teams ids) and when', async () => {
    const key = await log.append(entry('2026-11-27T10:07:30.000Z'));
    assert.equal(key, `audit/${TENANT.toLowerCase()}/2026-11-27T10:07:30.000Z-id1`);
    const stored = (await kv.read([key]))[key];
    assert.deepEqual(stored.by, by);
    assert.equal(stored.at, '2026-11-27T10:07:30.000Z');
  });

  it('is append-only: the same key is never overwritten', async () => {
    const fixed = new AuditLog(kv, () => 'same');
    await fixed.append(entry('2026-11-27T10:00:00.000Z'));
    await assert.rejects(fixed.append(entry('2026-11-27T10:00:00.000Z', 'unsubscribe')), ETagConflictError);
    const [only] = await log.recent(TENANT, new Date(0));
    assert.equal(only.action, 'subscribe');
  });

  it('keeps two entries of the same millisecond apart', async () => {
    await log.append(entry('2026-11-27T10:00:00.000Z'));
    await log.append(entry('2026-11-27T10:00:00.000Z', 'digest'));
    assert.equal((await log.recent(TENANT, new Date(0))).length, 2);
  });

  it('lists recent entries newest first, from `since` on, for one tenant only', async () => {
    await log.append(entry('2026-11-20T10:00:00.000Z', 'rule-create'));
    await log.append(entry('2026-11-26T10:00:00.000Z', 'mute'));
    await log.append(entry('2026-11-27T09:00:00.000Z', 'quiet-hours'));
    await log.append({ ...entry('2026-11-27T09:30:00.000Z'), tenantId: 'other' });
    const recent = await log.recent(TENANT, new Date('2026-11-26T10:00:00.000Z'));
    assert.deepEqual(
      recent.map((e) => e.action),
      ['quiet-hours', 'mute'],
    );
  });

  it('refuses an entry without a valid time, and prunes old entries', async () => {
    await assert.rejects(log.append(entry('yesterday')), /ISO time/);
    await log.append(entry('2026-10-01T00:00:00.000Z'));
    await log.append(entry('2026-11-27T00:00:00.000Z'));
    assert.equal(await log.prune(TENANT, new Date('2026-10-28T00:00:00.000Z')), 1);
    assert.equal((await log.recent(TENANT, new Date(0))).length, 1);
  });
});
