import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startBot, type RunningBot, type StartOptions } from '../../src/start-bot';

/** Collects the bot's JSON log lines in memory, so tests can assert on them (and scan them for secrets). */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

export interface Harness {
  bot: RunningBot;
  logs: LogSink;
  dataDir: string;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Starts the real bot in-process on a free loopback port with a fresh SQLite store. */
export async function startHarness(
  env: Record<string, string> = {},
  dataDir?: string,
  options: StartOptions = {},
): Promise<Harness> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'pulse-test-'));
  const logs = new LogSink();
  const bot = await startBot(
    { PORT: '0', LOG_LEVEL: 'debug', STORE_PATH: join(dir, 'pulse.db'), ...env },
    { logDestination: logs, typingIndicator: false, ...options },
  );
  return {
    bot,
    logs,
    dataDir: dir,
    stop: async (opts = {}) => {
      await bot.close();
      if (!opts.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}
