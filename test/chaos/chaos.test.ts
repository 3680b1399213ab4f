import assert from 'node:assert/strict';
import { CHAOS_PROFILES } from './chaos-profiles';
import { chaosReportMarkdown } from './chaos-report';
import { runChaos } from './chaos-run';

describe('chaos (short form): three instances on Azurite under storage, Graph and connector faults, owners SIGKILLed', function () {
  this.timeout(5 * 60_000);

  it('posts every incident card exactly once per conversation and lands every update on it, in order', async () => {
    const report = await runChaos({
      ...CHAOS_PROFILES.short,
      log: process.env.CHAOS_LOG ? (l) => console.log(`      ${l}`) : undefined,
    });
    console.log(chaosReportMarkdown('short form', CHAOS_PROFILES.short, report).replace(/^/gm, '      '));
    assert.deepEqual(report.violations, []);
    assert.equal(report.duplicates, 0);
    assert.equal(report.lost, 0);
    assert.ok(report.cardsPosted >= report.cardsExpected, `${report.cardsPosted} posted`);
    assert.ok(report.kills.midDelivery + report.kills.midCycle >= 2, 'instances were killed');
    const injected = Object.values(report.faults).reduce(
      (n, f) => n + Object.values(f).reduce((a, b) => a + b, 0),
      0,
    );
    assert.ok(injected > 20, `faults were injected (${injected})`);
  });
});
