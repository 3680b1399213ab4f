import { ContainerClient } from '@azure/storage-blob';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BlobLeases } from '../../../src/store/partitions/blob-leases';
import { freePartitions } from '../../../src/store/partitions/partition-blobs';
import { partitionOf } from '../../../src/store/partitions/partition-of';
import { startAzurite, type Azurite } from '../azurite';

const LEASE_SECONDS = 15; // Azure's minimum, which Azurite enforces even with --loose
const RENEW_MS = 5_000;
const SLACK_MS = 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('BlobLeases on Azurite', () => {
  let azurite: Azurite;
  let client: ContainerClient;
  const running: BlobLeases[] = [];
  const errors: unknown[] = [];
  before(async function () {
    this.timeout(20_000);
    azurite = await startAzurite();
  });
  after(() => azurite?.stop());
  beforeEach(() => {
    client = new ContainerClient(azurite.connectionString, `leases-${randomUUID().slice(0, 8)}`);
    errors.length = 0;
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((l) => l.stop()));
    await client.deleteIfExists();
  });

  const pool = (id: string, partitions = 32) => {
    const leases = new BlobLeases(client, {
      partitions,
      leaseSeconds: LEASE_SECONDS,
      renewMs: RENEW_MS,
      instanceId: id,
      onError: (e) => errors.push(e),
    });
    running.push(leases);
    return leases;
  };

  /** Polls until `done`, failing at once if two live instances ever own the same partition. */
  async function waitFor(members: BlobLeases[], done: () => boolean, limitMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const all = members.flatMap((m) => [...m.owned()]);
      assert.equal(
        new Set(all).size,
        all.length,
        `a partition has two owners: ${members.map((m) => [...m.owned()])}`,
      );
      if (done()) return Date.now() - started;
      if (Date.now() - started > limitMs) {
        assert.fail(
          `not settled in ${limitMs} ms: ${members.map((m) => `${m.instanceId}=${m.owned().size}`)}`,
        );
      }
      await sleep(100);
    }
  }

  it('shares 32 partitions 10/11 across 3 instances, moves a dead one’s, and hands over on stop', async function () {
    this.timeout(60_000);
    const [a, b, c] = [pool('a'), pool('b'), pool('c')];
    await Promise.all([a.start(), b.start(), c.start()]);
    const fair = () =>
      [a, b, c].every((m) => m.owned().size === 10 || m.owned().size === 11) &&
      new Set([a, b, c].flatMap((m) => [...m.owned()])).size === 32;
    const settled = await waitFor([a, b, c], fair, 2 * RENEW_MS + SLACK_MS);

    const changes: number[] = [];
    a.onChange((owned) => changes.push(owned.size));
    const orphaned = [...c.owned()];
    c.halt(); // a crash: no release, no more renewals or heartbeats
    const takeover = await waitFor(
      [a, b, c],
      () => a.owned().size + b.owned().size === 32 && a.owned().size === 16,
      LEASE_SECONDS * 1000 + RENEW_MS + SLACK_MS,
    );
    assert.ok(orphaned.every((p) => a.owned().has(p) || b.owned().has(p)));
    assert.equal(c.owned().size, 0, 'the halted instance stops counting its lapsed leases as its own');
    assert.ok(changes.length > 0 && changes.at(-1) === 16);

    const handed = [...b.owned()];
    await b.stop();
    assert.equal(b.owned().size, 0);
    const free = await freePartitions(client, 32);
    assert.ok(
      handed.every((p) => free.includes(p) || a.owned().has(p)),
      'stop releases at once',
    );
    const handover = await waitFor([a, b], () => a.owned().size === 32, RENEW_MS + SLACK_MS);
    assert.deepEqual(errors, []);
    console.log(
      `      settled ${settled} ms, dead instance taken over ${takeover} ms, graceful handover ${handover} ms`,
    );
  });

  it('stops counting a partition as owned one second before its unrenewed lease can lapse', async () => {
    let now = 1_000_000;
    const leases = new BlobLeases(client, {
      partitions: 3,
      leaseSeconds: 15,
      instanceId: 'stalled',
      now: () => now,
    });
    running.push(leases);
    await leases.start();
    assert.deepEqual([...leases.owned()], [0, 1, 2]);
    const seen: number[][] = [];
    leases.onChange((owned) => seen.push([...owned]));
    leases.halt(); // the round loop stalls: no renewals from here on
    now += 13_999;
    assert.equal(leases.owned().size, 3);
    now += 1;
    assert.equal(leases.owned().size, 0);
    assert.equal(leases.owns('contoso.onmicrosoft.com'), false);
    assert.deepEqual(seen, [[]]);
  });

  it('answers owns() by the tenant partition and refuses unsafe settings', async () => {
    const solo = pool('solo', 4);
    await solo.start();
    assert.equal(solo.owned().size, 4);
    assert.equal(solo.owns('72f988bf-86f1-41af-91ab-2d7cd011db47'), true);
    assert.equal(partitionOf('72f988bf-86f1-41af-91ab-2d7cd011db47', 4), 2);
    await solo.stop();
    assert.equal(solo.owns('72f988bf-86f1-41af-91ab-2d7cd011db47'), false);
    assert.deepEqual((await freePartitions(client, 4)).sort(), [0, 1, 2, 3]);
    assert.throws(
      () => new BlobLeases(client, { leaseSeconds: 10 }),
      /LEASE_SECONDS must be a whole number from 15 to 60/,
    );
    assert.throws(
      () => new BlobLeases(client, { renewMs: 15_000, leaseSeconds: 15 }),
      /well below the lease time/,
    );
    assert.throws(() => new BlobLeases(client, { instanceId: 'a/b' }), /instance id "a\/b" may hold only/);
    assert.throws(() => new BlobLeases(client, { partitions: 0 }), /MONITOR_PARTITIONS must be at least 1/);
  });
});
