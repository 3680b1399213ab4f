import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../src/config/config';

import { prod } from './prod-env';

function fails(env: Record<string, string>, variable: string, pattern: RegExp): void {
  assert.throws(
    () => parseConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, 'a ConfigError');
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(`^Configuration error: ${variable} `));
      assert.match(err.message, pattern);
      return true;
    },
  );
}

describe('config: MONITOR_CONCURRENCY and MONITOR_CONCURRENCY_MAX', () => {
  it('learns the level by default, up to 64 tenants at once', () => {
    assert.deepEqual(parseConfig(prod).monitorConcurrency, { kind: 'adaptive', max: 64 });
    assert.deepEqual(parseConfig({ ...prod, MONITOR_CONCURRENCY: ' ' }).monitorConcurrency, {
      kind: 'adaptive',
      max: 64,
    });
    assert.deepEqual(
      parseConfig({ ...prod, MONITOR_CONCURRENCY: 'Adaptive', MONITOR_CONCURRENCY_MAX: '128' })
        .monitorConcurrency,
      { kind: 'adaptive', max: 128 },
    );
  });

  it('takes a fixed number of tenants', () => {
    assert.deepEqual(parseConfig({ ...prod, MONITOR_CONCURRENCY: '4' }).monitorConcurrency, {
      kind: 'fixed',
      tenants: 4,
    });
  });

  it('names the variable and what it accepts when wrong', () => {
    fails({ ...prod, MONITOR_CONCURRENCY: 'fast' }, 'MONITOR_CONCURRENCY', /"adaptive" or a whole number/);
    fails({ ...prod, MONITOR_CONCURRENCY: '0' }, 'MONITOR_CONCURRENCY', /from 1 to 256/);
    fails({ ...prod, MONITOR_CONCURRENCY: '2.5' }, 'MONITOR_CONCURRENCY', /whole number/);
    fails({ ...prod, MONITOR_CONCURRENCY_MAX: '0' }, 'MONITOR_CONCURRENCY_MAX', /from 1 to 256/);
    fails({ ...prod, MONITOR_CONCURRENCY_MAX: 'many' }, 'MONITOR_CONCURRENCY_MAX', /whole number/);
  });
});
