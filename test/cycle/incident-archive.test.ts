import assert from 'node:assert/strict';
import { AuditLog } from '../../src/alerts/audit-log';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import { incidentArchivePrefix, incidentStoreKey } from '../../src/alerts/store-keys';
import type { Incident } from '../../src/monitor/incident';
import { dailyRetention, RETENTION_DAYS } from '../../src/cycle/retention';
import { DeadLetterLog, type DeadLetter } from '../../src/delivery/dead-letters';
import { SqliteStore } from '../../src/store/sqlite-store';
import { MAX_HISTORY_DAYS } from '../../src/commands/parsers/history';
import { incident } from '../alerts/incident-repository.test';
import { TENANT } from '../alerts/helpers';

/** A lifecycle step that stores `next` (the transition function's job in production). */
const store = (next: Incident) => () => ({ incident: next, effects: [] });

describe('incident archive and retention (SQLite :memory:)', () => {
  let kv: SqliteStore;
  let incidents: IncidentRepository;
  let reader: IncidentRepository;
  const first = incident({
    ruleId: 'default:mail-delivery',
    metricId: 'mail-delivery',
    openedAt: '2026-11-20T09:00:00.000Z',
  });
  const resolved: Incident = {
    ...first,
    state: 'resolved',
    resolvedAt: '2026-11-20T11:00:00.000Z',
    version: 2,
  };
  const second: Incident = {
    ...first,
    id: `${first.key}#2`,
    occurrence: 2,
    openedAt: '2026-11-26T08:00:00.000Z',
    version: 1,
  };
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    incidents = new IncidentRepository(kv);
    reader = new IncidentRepository(kv);
  });
  afterEach(() => kv.close());

  it('archives a resolved occurrence when the next one of its key opens, so history shows both', async () => {
    await incidents.apply(TENANT, first.key, store(first));
    await incidents.apply(TENANT, first.key, store(resolved));
    assert.deepEqual(Object.keys(await kv.list(incidentArchivePrefix(TENANT))), []);
    await incidents.apply(TENANT, first.key, store(second));
    assert.deepEqual(Object.keys(await kv.list(incidentArchivePrefix(TENANT))), [
      `${incidentArchivePrefix(TENANT)}2026-11-20T11:00:00.000Z-${encodeURIComponent(first.id)}`,
    ]);
    assert.deepEqual(
      (await incidents.list(TENANT)).map((i) => i.id),
      [second.id],
      'the live item holds the latest occurrence only',
    );
    const history = await reader.recent(TENANT, new Date('2026-11-19T00:00:00.000Z'));
    assert.deepEqual(
      history.map((i) => [i.id, i.state]),
      [
        [second.id, 'firing'],
        [first.id, 'resolved'],
      ],
    );
    assert.deepEqual(
      (await reader.open(TENANT)).map((i) => i.id),
      [second.id],
    );
  });

  it('archives before replacing: a monitor dying in between leaves one copy in history, and the retry archives once', async () => {
    await incidents.apply(TENANT, first.key, store(resolved));
    const live = incidentStoreKey(TENANT, first.key);
    const dying = new IncidentRepository({
      read: (keys) => kv.read(keys),
      list: (prefix) => kv.list(prefix),
      delete: (keys) => kv.delete(keys),
      ping: () => kv.ping(),
      close: async () => undefined,
      write: async (changes, options) => {
        if (live in changes) throw new Error('the process died');
        return kv.write(changes, options);
      },
    });
    await assert.rejects(dying.apply(TENANT, first.key, store(second)), /the process died/);
    assert.equal(Object.keys(await kv.list(incidentArchivePrefix(TENANT))).length, 1);
    assert.deepEqual(
      (await reader.recent(TENANT, new Date('2026-11-01T00:00:00.000Z'))).map((i) => i.id),
      [first.id],
    );
    await incidents.apply(TENANT, first.key, store(second));
    assert.equal(Object.keys(await kv.list(incidentArchivePrefix(TENANT))).length, 1);
    assert.equal((await kv.read([live]))[live].id, second.id);
  });

  it('leaves the archive alone when a step only updates the same occurrence', async () => {
    await incidents.apply(TENANT, first.key, store(resolved));
    await incidents.apply(TENANT, first.key, store({ ...resolved, cardPosted: false, version: 3 }));
    assert.deepEqual(Object.keys(await kv.list(incidentArchivePrefix(TENANT))), []);
  });

  it('retention deletes audit entries and archived incidents past 90 days, once a day per tenant', async () => {
    const audit = new AuditLog(kv);
    const by = { id: 'oid-adele', name: 'Adele Vance' };
    const entry = (at: string) =>
      audit.append({ tenantId: TENANT, at, by, action: 'mute', target: 'default:mail-delivery', detail: '' });
    await entry('2026-07-01T00:00:00.000Z');
    await entry('2026-11-01T00:00:00.000Z');
    await incidents.apply(TENANT, first.key, store({ ...resolved, resolvedAt: '2026-07-02T00:00:00.000Z' }));
    await incidents.apply(TENANT, first.key, store(second));
    const now = Date.parse('2026-11-27T12:00:00.000Z');
    const retention = dailyRetention(audit, incidents, new DeadLetterLog(kv));
    await retention(TENANT, now);
    assert.deepEqual(
      (await audit.recent(TENANT, new Date(0))).map((e) => e.at),
      ['2026-11-01T00:00:00.000Z'],
    );
    assert.deepEqual(Object.keys(await kv.list(incidentArchivePrefix(TENANT))), []);
    assert.ok(RETENTION_DAYS >= MAX_HISTORY_DAYS, 'history never asks for what retention deleted');
  });

  it('retention runs once per day per tenant, and again the next cycle after a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const retention = dailyRetention(
      {
        prune: async (tenantId) => {
          calls.push(`audit ${tenantId}`);
          if (fail) throw new Error('storage unreachable');
          return 0;
        },
      },
      { pruneArchive: async (tenantId) => (calls.push(`archive ${tenantId}`), 0) },
      { prune: async () => 0 },
    );
    const day = Date.parse('2026-11-27T00:05:00.000Z');
    await assert.rejects(retention('t1', day), /storage unreachable/);
    fail = false;
    await retention('t1', day + 300_000);
    await retention('t1', day + 600_000);
    await retention('t2', day + 600_000);
    await retention('t1', day + 24 * 3_600_000);
    assert.deepEqual(calls, [
      'audit t1',
      'audit t1',
      'archive t1',
      'audit t2',
      'archive t2',
      'audit t1',
      'archive t1',
    ]);
  });

  it('retention deletes dead letters past 90 days, keeps newer ones, and leaves other tenants alone', async () => {
    const letters = new DeadLetterLog(kv);
    const letter = (tenantId: string, itemId: string, at: string): DeadLetter => ({
      itemId,
      tenantId,
      conversationId: '19:alerts@thread.tacv2',
      cardKey: `card-${itemId}`,
      attempts: 12,
      createdAt: Date.parse(at),
      deadAt: Date.parse(at) + 3_600_000,
      reason: '503 Service Unavailable; 12 attempts',
    });
    await letters.record(letter(TENANT, 'old', '2026-08-01T00:00:00.000Z'));
    await letters.record(letter(TENANT, 'edge', '2026-08-29T13:00:00.000Z'));
    await letters.record(letter(TENANT, 'new', '2026-11-20T00:00:00.000Z'));
    await letters.record(letter('other-tenant', 'theirs', '2026-08-01T00:00:00.000Z'));
    const now = Date.parse('2026-11-27T12:00:00.000Z');
    await dailyRetention(new AuditLog(kv), incidents, letters)(TENANT, now);
    assert.deepEqual(
      (await letters.recent(TENANT, 0)).map((d) => d.itemId),
      ['new', 'edge'],
      'letters newer than 90 days stay',
    );
    assert.deepEqual(
      (await letters.recent('other-tenant', 0)).map((d) => d.itemId),
      ['theirs'],
    );
    assert.equal(await letters.prune(TENANT, new Date(now)), 2);
    assert.deepEqual(await letters.recent(TENANT, 0), []);
  });
});
