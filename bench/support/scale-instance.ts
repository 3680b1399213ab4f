import { ContainerClient } from '@azure/storage-blob';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { MonitorIdentity } from '../../src/auth/monitor-identity';
import { ConversationRegistry } from '../../src/conversations/registry';
import { createGraphServices, type GraphServices } from '../../src/graph/graph-services';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import { createAlerting } from '../../src/cycle/create-alerting';
import type { Monitor } from '../../src/cycle/monitor';
import { BlobLeases } from '../../src/store/partitions/blob-leases';
import type { KeyValueStore } from '../../src/store/store';
import { CountingStore } from './counting-store';
import { RecordingNotifier } from './monitor-fixture';

/** One bot instance as the composition root wires its monitor, without the HTTP side: own store client, leases, cache. */
export interface ScaleInstance {
  name: string;
  store: CountingStore;
  leases: BlobLeases;
  graph: GraphServices;
  monitor: Monitor;
  /** Log records (msg and fields) at info and above. */
  logs: Record<string, unknown>[];
}

export interface ScaleInstanceOptions {
  /** Opens this instance's own client of the shared store. */
  openStore: () => KeyValueStore;
  /** Azurite's connection string and the container of the lease blobs. */
  connectionString: string;
  leaseContainer: string;
  simUrl: string;
  /** App-only token per tenant (every permission), as a tenant that granted the app would give. */
  tokens: Record<string, string>;
  clock: () => number;
  partitions: number;
  leaseSeconds: number;
}

/** Starts one instance: joins the lease pool (first round done) but runs no cycle until asked. */
export async function startInstance(name: string, o: ScaleInstanceOptions): Promise<ScaleInstance> {
  const store = new CountingStore(o.openStore());
  const logs: Record<string, unknown>[] = [];
  const leases = new BlobLeases(new ContainerClient(o.connectionString, o.leaseContainer), {
    partitions: o.partitions,
    leaseSeconds: o.leaseSeconds,
    instanceId: name,
    onError: (e: unknown) =>
      logs.push({
        msg: 'lease error',
        at: Date.now(),
        err: String((e as Error)?.message ?? e).slice(0, 200),
      }),
  });
  leases.onChange((owned) => logs.push({ msg: 'owned', at: Date.now(), count: owned.size }));
  const graph = createGraphServices(o.simUrl, o.clock);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const identity = {
    credential: async (tenantId: string) => ({ kind: 'app' as const, token: o.tokens[tenantId] }),
  } as unknown as MonitorIdentity;
  const { monitor } = createAlerting({
    store,
    registry: new ConversationRegistry(store),
    notifier: new RecordingNotifier(),
    metrics: monitorMetrics(graph.metrics),
    identity,
    leases,
    logger: pino({ level: 'info' }, sink),
    // A day: the scheduled cycle never fires during the benchmark, which runs cycles itself.
    cycleMs: 86_400_000,
    owner: name,
    now: o.clock,
  });
  await leases.start();
  return { name, store, leases, graph, monitor, logs };
}
