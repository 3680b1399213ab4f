/**
 * Token-cache cost of one turn as the number of signed-in users grows: the msal work a chat turn or card action
 * does to get its user's Graph token silently (`DelegatedTokens.token`: load the user's encrypted cache entry,
 * find the account, serve the cached access token), with 10 and with 5,000 users who have signed in since the
 * process started. Users are clones of one real on-behalf-of sign-in against the simulated tenant's Entra.
 * Run: `node dist/bench/token-cache-turn.js [--users 10,5000] [--turns 200] [--no-write]`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decrypt, encrypt } from '../src/auth/cache-crypto';
import { DelegatedTokens } from '../src/auth/delegated-tokens';
import { EncryptedCachePlugin } from '../src/auth/encrypted-cache-plugin';
import { confidentialClient } from '../src/auth/msal-clients';
import { tokenCacheKey } from '../src/auth/token-cache-scope';
import { parseConfig } from '../src/config/config';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator } from '../src/simulator';
import { SqliteStore } from '../src/store/sqlite-store';
import { writeSection } from './support/markdown-section';
import { ms, summarise, time } from './support/stats';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '10,5000' },
    turns: { type: 'string', default: '200' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SIZES = args.users.split(',').map(Number);
const TURNS = Number(args.turns);
const T = '00000000-0000-4000-8000-000000000001';
const TEMPLATE = '00000000-0000-4000-8000-00000000f000';
const oidOf = (i: number) => `00000000-0000-4000-8000-${(0xa00000000000 + i).toString(16)}`;

/**
 * The template user's cache entry for another user: every id replaced, the id token's claims too (msal reads the
 * account's object id from them; it does not verify the signature of a token it stored itself).
 */
function cloneFor(plain: string, oid: string): string {
  const cache = JSON.parse(plain.split(TEMPLATE).join(oid)) as Record<
    string,
    Record<string, { secret?: string }>
  >;
  for (const idToken of Object.values(cache.IdToken ?? {})) {
    const [head, body, sig] = (idToken.secret ?? '').split('.');
    const claims = Buffer.from(body, 'base64url').toString('utf8').split(TEMPLATE).join(oid);
    idToken.secret = [head, Buffer.from(claims).toString('base64url'), sig].join('.');
  }
  return JSON.stringify(cache);
}

async function main(): Promise<void> {
  const sim = await startSimulator();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-tokens-'));
  const key = randomBytes(32);
  const config = parseConfig({
    AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    AAD_APP_TENANT_ID: T,
    MSAL_AUTHORITY_METADATA: sim.authorityMetadata(T),
  });
  const delegatedOn = (store: SqliteStore) =>
    new DelegatedTokens(confidentialClient(config, T, new EncryptedCachePlugin(store, key)));
  const rows: string[] = [];
  try {
    // One real sign-in (on-behalf-of through the simulated Entra); its cache entry is the template of every user.
    const seed = new SqliteStore(path.join(dir, 'seed.db'));
    const template = { tenantId: T, oid: TEMPLATE };
    await delegatedOn(seed).exchange(
      template,
      sim.issueUserAssertion({
        ...template,
        name: 'Admin',
        upn: 'admin@contoso.com',
        audience: DEMO_CLIENT_ID,
      }),
    );
    const seedKey = tokenCacheKey({ kind: 'user', ...template });
    const sealed = String((await seed.read([seedKey]))[seedKey].sealed);
    const plain = decrypt(key, sealed, seedKey);
    await seed.close();

    for (const n of SIZES) {
      const store = new SqliteStore(path.join(dir, `users-${n}.db`));
      const all: Record<string, unknown>[] = [];
      for (let start = 0; start < n; start += 500) {
        const batch: Record<string, { sealed: string }> = {};
        for (let i = start; i < Math.min(n, start + 500); i++) {
          const clone = cloneFor(plain, oidOf(i));
          const k = tokenCacheKey({ kind: 'user', tenantId: T, oid: oidOf(i) });
          batch[k] = { sealed: encrypt(key, clone, k) };
          all.push(JSON.parse(clone) as Record<string, unknown>);
        }
        await store.write(batch);
      }
      const tokens = delegatedOn(store);
      // Every user has had a turn since the process started: what msal holds in memory then.
      const merged: Record<string, Record<string, unknown>> = {};
      for (const c of all)
        for (const [kind, entities] of Object.entries(c))
          merged[kind] = { ...(merged[kind] ?? {}), ...(entities as Record<string, unknown>) };
      (tokens as unknown as { msal: { getTokenCache(): { deserialize(s: string): void } } }).msal
        .getTokenCache()
        .deserialize(JSON.stringify(merged));
      const user = (i: number) => ({ tenantId: T, oid: oidOf((i * 7919) % n) });
      const first = await time(1, () => tokens.token(user(0)));
      const samples = await time(TURNS, (i) => tokens.token(user(i + 1)));
      const s = summarise(samples);
      const tokenCalls = sim.requestLog.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
      console.log(
        `${n} users: first turn ${ms(first[0])}, then median ${ms(s.median)}, p90 ${ms(s.p90)}, max ${ms(s.max)} (${s.runs} turns; token endpoint calls so far ${tokenCalls})`,
      );
      rows.push(
        `| ${n.toLocaleString('en-US')} | ${ms(first[0])} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.max)} |`,
      );
      await store.close();
    }
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const body = [
    `Token-cache work of one turn (\`DelegatedTokens.token\`: the user's encrypted entry loaded from SQLite, msal's`,
    `silent lookup, the cached access token served; no token-endpoint call), after every user has had a turn since`,
    `the process started, ${TURNS} turns of users spread over the population. Users are clones of one real`,
    `on-behalf-of sign-in. Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}).`,
    '',
    '| signed-in users | first turn | median turn | p90 turn | max turn |',
    '| --: | --: | --: | --: | --: |',
    ...rows,
    '',
    'A turn keeps only the partitions of turns in flight in msal’s memory: each access drops the idle users’',
    'entities and loads its own user’s entry, so the per-turn cost does not grow with the number of users',
    '(the first turn after start pays once for dropping what an earlier version kept).',
    '',
    'Run: `node dist/bench/token-cache-turn.js [--users 10,5000] [--turns 200] [--no-write]`.',
  ].join('\n');
  if (!args['no-write'])
    await writeSection(
      path.join(__dirname, '..', '..', 'docs', 'benchmarks.md'),
      'Token cache per turn',
      body,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
