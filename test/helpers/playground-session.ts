import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/dev/playground';
import { startHarness, type Harness } from './bot-harness';
import type { StartOptions } from '../../src/start-bot';
import { freePort } from './free-port';
import { startSimulator, type Simulator } from '../../src/simulator';
import { demoIdentityEnv } from './demo-env';

/** One record of the Playground's recording file: a request the bot (or the Playground) made, with its body. */
export interface Recording {
  direction: string;
  activityName: string;
  conversationId: string;
  request: { body: Record<string, unknown> };
}

/** The real bot plus the real Agents Playground pointed at it, recording every exchange. */
export class PlaygroundSession {
  harness!: Harness;
  playground!: RunningPlayground;
  recordingFile = '';

  sim!: Simulator;

  /**
   * Starts the simulated tenant, the bot with the demo identity against it, and the Playground. `options.monitor:
   * false` leaves the alert cycle to the test (`harness.bot.monitor.runOnce()`).
   */
  async start(env: Record<string, string> = {}, options: StartOptions = {}): Promise<this> {
    this.sim = await startSimulator();
    this.harness = await startHarness({ ...demoIdentityEnv(this.sim), ...env }, undefined, options);
    this.recordingFile = join(this.harness.dataDir, 'recording.log');
    this.playground = await startPlayground({
      botEndpoint: `${this.harness.bot.url}/api/messages`,
      port: await freePort(),
      logFile: join(this.harness.dataDir, 'playground.log'),
      recordingFile: this.recordingFile,
    });
    return this;
  }

  async config(): Promise<{
    personalChat: { id: string };
    currentUser: { id: string };
    teams?: { channels: { id: string; name: string }[] }[];
  }> {
    const res = await fetch(`${this.playground.url}/_internal/v1/config`);
    return ((await res.json()) as { config: never }).config;
  }

  /** Sends a user message into a Playground conversation, as the web client does. */
  async say(conversationId: string, text: string, from: string): Promise<void> {
    const res = await fetch(
      `${this.playground.url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: from }, text, textFormat: 'plain' }),
      },
    );
    if (!res.ok) throw new Error(`Playground refused the message: ${res.status} ${await res.text()}`);
  }

  recordings(): Recording[] {
    if (!existsSync(this.recordingFile)) return [];
    return readFileSync(this.recordingFile, 'utf8')
      .split(/^---$/m)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => JSON.parse(s) as Recording);
  }

  /** Waits until a bot message in `conversationId` satisfies `match`; returns it. */
  async waitForBotMessage(
    conversationId: string,
    match: (body: Record<string, unknown>) => boolean,
    timeoutMs = 10_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hit = this.recordings().find(
        (r) => r.conversationId === conversationId && r.activityName === 'message' && match(r.request.body),
      );
      if (hit) return hit.request.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No matching bot message in ${conversationId} within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    await this.playground?.stop();
    await this.harness?.stop();
    await this.sim?.close();
  }
}
