#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { startBot } from '../../src/start-bot';

/** Milliseconds a shared test clock is ahead of the wall clock; re-read at most this often. */
const CLOCK_REFRESH_MS = 100;

/**
 * A clock `ms` ahead of Date.now, where `ms` is the number in `file` (written by the test, so every bot process
 * and the simulated tenant agree on "now" and a test can skip an hour of buckets). Absent file = no offset.
 */
export function fileClock(file: string): () => number {
  let offset = 0;
  let readAt = -Infinity;
  return () => {
    const t = Date.now();
    if (t - readAt >= CLOCK_REFRESH_MS) {
      readAt = t;
      try {
        offset = Number(readFileSync(file, 'utf8').trim()) || 0;
      } catch {
        offset = 0;
      }
    }
    return t + offset;
  };
}

/**
 * One bot as its own process, for scale-out tests: `startBot(process.env)` (plus the shared test clock when
 * `PULSE_TEST_CLOCK_FILE` is set), then one JSON line `{"msg":"bot-main listening","url":…}` on stdout.
 * SIGTERM and SIGINT close it gracefully (leases released); SIGKILL is the crash the tests simulate.
 */
async function main(): Promise<void> {
  const clockFile = process.env.PULSE_TEST_CLOCK_FILE;
  const running = await startBot(process.env, clockFile ? { now: fileClock(clockFile) } : {});
  process.stdout.write(
    `${JSON.stringify({ msg: 'bot-main listening', url: running.url, pid: process.pid })}\n`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`bot-main failed to start: ${(err as Error).message}\n`);
    process.exit(1);
  });
