import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config';
import { startBot } from '../../src/start-bot';
import type { SecurityCase } from './security-case';

/** A demo-mode (no BOT_ID) start with this HOST: refused with a one-line error, or allowed. */
interface HostCase extends SecurityCase {
  host: string;
  refused: boolean;
}

/** Demo mode checks no caller's token, so it may only listen where nobody else can reach it. */
export const HOST_CASES: HostCase[] = [
  { id: 'CFG-01', name: 'demo mode on every IPv4 interface', host: '0.0.0.0', refused: true },
  { id: 'CFG-02', name: 'demo mode on every IPv6 interface', host: '::', refused: true },
  { id: 'CFG-03', name: 'demo mode on a LAN address', host: '192.168.10.20', refused: true },
  { id: 'CFG-04', name: 'demo mode on a public host name', host: 'pulse.example.com', refused: true },
  {
    id: 'CFG-05',
    name: 'demo mode on a name that starts like localhost',
    host: 'localhost.evil.com',
    refused: true,
  },
  { id: 'CFG-06', name: 'demo mode on 127.0.0.1 (allowed)', host: '127.0.0.1', refused: false },
  { id: 'CFG-07', name: 'demo mode on ::1 (allowed)', host: '::1', refused: false },
  { id: 'CFG-08', name: 'demo mode on localhost (allowed)', host: 'localhost', refused: false },
];

describe('security: demo mode refuses to listen beyond loopback', function () {
  this.timeout(20_000);

  for (const c of HOST_CASES) {
    it(`${c.id} ${c.name}: ${c.refused ? 'refused before anything opens' : 'starts'}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pulse-sec-host-'));
      try {
        const env = { HOST: c.host, PORT: '0', LOG_LEVEL: 'silent', STORE_PATH: join(dir, 'pulse.db') };
        if (c.refused) {
          await assert.rejects(startBot(env, { monitor: false }), (err: unknown) => {
            assert.ok(err instanceof ConfigError);
            assert.equal(err.variable, 'HOST');
            assert.match(err.message, /^Configuration error: HOST is .+ demo mode \(no BOT_ID\).+BOT_ID/);
            assert.ok(!err.message.includes('\n'), 'one line');
            return true;
          });
          assert.deepEqual(readdirSync(dir), [], 'no store was opened');
        } else {
          const bot = await startBot(env, { monitor: false });
          await bot.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
