import assert from 'node:assert/strict';
import { parseConfig } from '../../src/config/config';

import { prod, refuses } from './prod-env';

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
    refuses({ ...prod, MONITOR_CONCURRENCY: 'fast' }, 'MONITOR_CONCURRENCY', /"adaptive" or a whole number/);
    refuses({ ...prod, MONITOR_CONCURRENCY: '0' }, 'MONITOR_CONCURRENCY', /from 1 to 256/);
    refuses({ ...prod, MONITOR_CONCURRENCY: '2.5' }, 'MONITOR_CONCURRENCY', /whole number/);
    refuses({ ...prod, MONITOR_CONCURRENCY_MAX: '0' }, 'MONITOR_CONCURRENCY_MAX', /from 1 to 256/);
    refuses({ ...prod, MONITOR_CONCURRENCY_MAX: 'many' }, 'MONITOR_CONCURRENCY_MAX', /whole number/);
  });
});
