import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';
import { formatValue } from '../../web/tab/src/format';
import { TENANT } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { launchChromium } from '../helpers/browser';
import { demoIdentityEnv } from '../helpers/demo-env';
import { runCli } from '../cli/helpers/run-cli';

interface ChartJson {
  range: string;
  times: number[];
  values: (number | null)[];
}

const chart = (metric: string) => `figure[data-metric="${metric}"] .chart`;

/** The demo tab (no BOT_ID: the demo identity against the simulated tenant) in headless Chromium. */
describe('Tab pages in Chromium (demo mode)', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let h: Harness;
  let browser: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    // No late-arriving data, so a bucket has the same value whenever the tab and the CLI read it.
    sim = await startSimulator({ ingestionLagMinutes: 0 });
    h = await startHarness(demoIdentityEnv(sim, TENANT), undefined, { monitor: false });
    base = h.bot.url.replace('127.0.0.1', 'localhost');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await h?.stop();
    await sim?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  it("charts the simulated tenant's numbers, the same the CLI prints, and reads them out by keyboard", async () => {
    const api = page.waitForResponse((r) => r.url().includes('/api/tab/metrics/mail-delivery?range=6h'));
    await page.goto(`${base}/tab/?service=exchange&range=6h`);
    const data = (await (await api).json()) as ChartJson;
    await page.waitForSelector(`${chart('mail-delivery')}[data-range="6h"] canvas`);

    const token = sim.issueGraphToken({ tenantId: TENANT, appId: DEMO_CLIENT_ID, roles: ALL_PERMISSIONS });
    const cli = await runCli(['query', 'mail-delivery', '--last', '6h', '--json'], {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN: token,
    });
    assert.equal(cli.code, 0, cli.stderr);
    const rows = (JSON.parse(cli.stdout) as { time: string; value: number | null }[]).filter(
      (r) => r.value !== null,
    );
    const tab = new Map(data.times.map((t, i) => [t, data.values[i]]));
    const common = rows.filter((r) => tab.has(Date.parse(r.time)));
    assert.ok(common.length >= 20, `the tab and the CLI share ${common.length} buckets`);
    for (const r of common) assert.equal(tab.get(Date.parse(r.time)), r.value, r.time);

    // What is drawn: the newest bucket, reached with the keyboard, in the hover legend and the live region.
    const newest = data.values.filter((v) => v !== null).at(-1)!;
    assert.equal(await page.getAttribute(chart('mail-delivery'), 'data-last'), String(newest));
    await page.focus(chart('mail-delivery'));
    await page.keyboard.press('End');
    const shown = formatValue(newest, 'count', 'en-US');
    const legend = page.locator(
      `figure[data-metric="mail-delivery"] .u-legend .u-series:nth-child(2) .u-value`,
    );
    assert.equal(await legend.textContent(), shown);
    assert.match((await page.textContent('#announcer')) ?? '', new RegExp(`Mail delivery, .*: ${shown};`));
  });

  it('changes the data with the range picker', async () => {
    await page.goto(`${base}/tab/?service=exchange&range=6h`);
    await page.waitForSelector(`${chart('mail-delivery')}[data-range="6h"] canvas`);
    const sixHours = Number(await page.getAttribute(chart('mail-delivery'), 'data-points'));
    const api = page.waitForResponse((r) => r.url().includes('/api/tab/metrics/mail-delivery?range=7d'));
    await page.click('label[for="range-7d"]');
    const week = (await (await api).json()) as ChartJson;
    await page.waitForSelector(`${chart('mail-delivery')}[data-range="7d"]`);
    const sevenDays = Number(await page.getAttribute(chart('mail-delivery'), 'data-points'));
    assert.ok(sixHours >= 20 && sixHours <= 24, `6 h: ${sixHours} buckets of 15 minutes`);
    assert.equal(week.times.length, 336);
    assert.ok(sevenDays > 300, `7 d: ${sevenDays} buckets of 30 minutes`);
    assert.equal(await page.isChecked('#range-7d'), true);
  });

  for (const [theme, background] of [
    ['default', 'rgb(245, 245, 245)'],
    ['dark', 'rgb(31, 31, 31)'],
    ['contrast', 'rgb(0, 0, 0)'],
  ]) {
    it(`follows the ${theme} theme and has no serious accessibility violations (axe-core)`, async () => {
      await page.goto(`${base}/tab/?service=teams&theme=${theme}`);
      await page.waitForSelector(`.chart[data-range] canvas`);
      assert.equal(await page.evaluate('document.body.className'), `theme-${theme}`);
      assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), background);
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      // axe.run() resolves to { violations: [{ id, impact }] }; run in the page, outside its CSP.
      const violations = (await page.evaluate(
        'axe.run().then((r) => r.violations.map((v) => v.impact + ": " + v.id))',
      )) as string[];
      const serious = violations.filter((v) => /^(serious|critical)/.test(v));
      assert.deepEqual(serious, [], violations.join(', '));
    });
  }

  it('configuration page: choosing one service previews a tab of that service only', async () => {
    await page.goto(`${base}/tab/config.html`);
    await page.selectOption('#service', 'teams');
    assert.equal(await page.isChecked('#kind-service'), true);
    assert.match((await page.getAttribute('#preview', 'href')) ?? '', /\/tab\/\?service=teams$/);
    await page.check('#m-mail-delivery');
    assert.match((await page.getAttribute('#preview', 'href')) ?? '', /\/tab\/\?metrics=mail-delivery$/);
    await page.click('#preview');
    await page.waitForSelector(`${chart('mail-delivery')}[data-range] canvas`);
    assert.equal(await page.locator('figure.chart-card').count(), 1);
  });
});
