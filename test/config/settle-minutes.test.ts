import assert from 'node:assert/strict';
import { parseConfig } from '../../src/config/config';

import { prod, refuses } from './prod-env';

const fails = (env: Record<string, string>, pattern: RegExp) =>
  refuses(env, 'MONITOR_SETTLE_MINUTES', pattern);

describe('config: MONITOR_SETTLE_MINUTES', () => {
  it('defaults to 10 minutes in production and 2 in demo mode', () => {
    assert.equal(parseConfig(prod).monitorSettleMinutes, 10);
    assert.equal(parseConfig({}).monitorSettleMinutes, 2);
    assert.equal(parseConfig({ ...prod, MONITOR_SETTLE_MINUTES: '' }).monitorSettleMinutes, 10);
  });

  it('takes whole minutes from 0 to 120, in production and in demo mode', () => {
    assert.equal(parseConfig({ ...prod, MONITOR_SETTLE_MINUTES: '30' }).monitorSettleMinutes, 30);
    assert.equal(parseConfig({ ...prod, MONITOR_SETTLE_MINUTES: '0' }).monitorSettleMinutes, 0);
    assert.equal(parseConfig({ MONITOR_SETTLE_MINUTES: '120' }).monitorSettleMinutes, 120);
  });

  it('names the variable, the range and the value when it is wrong', () => {
    fails({ ...prod, MONITOR_SETTLE_MINUTES: 'ten' }, /whole number of minutes.*got "ten"/);
    fails({ ...prod, MONITOR_SETTLE_MINUTES: '7.5' }, /whole number of minutes.*got "7\.5"/);
    fails({ ...prod, MONITOR_SETTLE_MINUTES: '-5' }, /from 0 to 120 minutes.*got "-5"/);
    fails({ MONITOR_SETTLE_MINUTES: '600' }, /from 0 to 120 minutes.*got "600"/);
  });
});
