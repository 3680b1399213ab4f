import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';
import { partitionOf } from '../../src/store/partitions/partition-of';
import { TENANT } from '../helpers/activities';
import { killAllBots, spawnBot, type BotProcess } from '../helpers/bot-process';
import { CaptureConnector } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';
import { startAzurite, type Azurite } from '../store/azurite';

/** Timings every bot of the cluster shares (the issue's: a 5 s cycle, Azure's minimum 15 s lease). */
export const CYCLE_SECONDS = 5;
export const LEASE_SECONDS = 15;
export const PARTITIONS = 32;

/**
 * Azurite, one simulated tenant, a capture connector and N bot processes on one Blob container, all on loopback,
 * sharing a clock: the simulator and every bot read "now" as the wall clock plus an offset kept in a file, so a
 * test can start at a fixed weekday morning and jump past the end of an incident without waiting an hour.
 */
export class Cluster {
  /** @param identityEnv how bots sign in to the simulated tenant (default: the demo identity). */
  constructor(private readonly identityEnv: (sim: Simulator) => Record<string, string> = demoIdentityEnv) {}

  azurite!: Azurite;
  sim!: Simulator;
  connector = new CaptureConnector();
  serviceUrl = '';
  bots: BotProcess[] = [];
  private dir = '';
  private offset = 0;
  private container = 'scale';
  private readonly cacheKey = randomBytes(32).toString('base64');

  /** The shared clock (epoch ms). */
  now(): number {
    return Date.now() + this.offset;
  }

  /** Starts everything but the bots; the shared clock begins at `startAt`. */
  async start(
    startAt: number,
    container = 'scale',
    simOptions: Omit<SimulatorOptions, 'now'> = {},
  ): Promise<this> {
    this.dir = mkdtempSync(join(tmpdir(), 'pulse-scale-'));
    this.setOffset(startAt - Date.now());
    this.azurite = await startAzurite();
    this.sim = await startSimulator({ ...simOptions, now: () => new Date(this.now()) });
    this.serviceUrl = await this.connector.start();
    this.container = container;
    return this;
  }

  /** Moves the shared clock forward by `ms` (bots see it within 100 ms). */
  advance(ms: number): void {
    this.setOffset(this.offset + ms);
  }

  /** The environment of every bot: Blob store on the shared container, leases, cycle, demo identity. */
  env(): Record<string, string> {
    return {
      ...this.identityEnv(this.sim),
      STORE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: this.azurite.connectionString,
      AZURE_STORAGE_CONTAINER: this.container,
      MONITOR_PARTITIONS: String(PARTITIONS),
      MONITOR_CYCLE_SECONDS: String(CYCLE_SECONDS),
      LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info',
      // One key for every instance, as in production; nothing is written next to the default ./data/pulse.db.
      TOKEN_CACHE_KEY: this.cacheKey,
      STORE_PATH: join(this.dir, 'unused.db'),
      PULSE_TEST_CLOCK_FILE: join(this.dir, 'clock-offset'),
    };
  }

  /** Spawns bot processes named `names` at once and adds them to `bots`. */
  async spawn(...names: string[]): Promise<BotProcess[]> {
    const started = await Promise.all(names.map((n) => spawnBot(n, this.env())));
    this.bots.push(...started);
    return started;
  }

  /** Live bots, by name. */
  bot(name: string): BotProcess {
    const found = this.bots.find((b) => b.name === name && !b.exited());
    if (!found) throw new Error(`no live bot named ${name}`);
    return found;
  }

  /** The live bot whose monitor reports owning `tenantId`'s partition, if exactly one does. */
  ownerOf(tenantId = TENANT): BotProcess | undefined {
    const p = partitionOf(tenantId, PARTITIONS);
    const owners = this.bots.filter((b) => !b.exited() && b.partitions().includes(p));
    return owners.length === 1 ? owners[0] : undefined;
  }

  /** Waits until live bots hold every partition between them, each at most its fair share; resolves in ms. */
  async settled(timeoutMs = 30_000): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      const live = this.bots.filter((b) => !b.exited());
      const share = Math.ceil(PARTITIONS / live.length);
      const all = live.flatMap((b) => b.partitions());
      if (
        new Set(all).size === PARTITIONS &&
        all.length === PARTITIONS &&
        live.every((b) => b.partitions().length <= share)
      )
        return Date.now() - t0;
      if (Date.now() - t0 > timeoutMs)
        throw new Error(
          `partitions not settled within ${timeoutMs} ms: ${live.map((b) => `${b.name}=${b.partitions().length}`).join(' ')}`,
        );
      await sleep(100);
    }
  }

  /**
   * Prints every bot's warnings and errors (for a failed test), and with `recentMs` also every line of the last
   * `recentMs` (by the bot's log time) of the bots still running.
   */
  dumpProblems(recentMs = 0): void {
    const since = Date.now() - recentMs;
    for (const b of this.bots)
      for (const l of b.lines)
        if (Number(l.level) >= 40 || (recentMs && !b.exited() && Number(l.time) >= since))
          console.log(`  [${b.name}] ${JSON.stringify(l).slice(0, 800)}`);
  }

  async stop(): Promise<void> {
    await killAllBots();
    await this.connector.stop();
    await this.sim?.close();
    await this.azurite?.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private setOffset(offset: number): void {
    this.offset = offset;
    writeFileSync(join(this.dir, 'clock-offset'), String(offset));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 100 ms until it returns a value other than undefined; rejects after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
