import assert from 'node:assert/strict';
import type { BrowserContext, Frame } from 'playwright-core';
import { TENANT } from '../helpers/activities';
import { launchChromium } from '../helpers/browser';
import { openInFakeTeams, type FakeTeamsContext } from '../helpers/fake-teams-host';
import { DOMAIN, startProductionTab, type ProductionTab } from './production-tab';

/**
 * The tab as Teams runs it: framed by a Teams client (a stand-in speaking teams-js's postMessage protocol) on the
 * bot's https domain, the bot in production mode, the SSO token from `authentication.getAuthToken()`.
 */
describe('Tab inside Teams (production mode, Teams SSO)', function () {
  this.timeout(60_000);
  let tab: ProductionTab;
  let browser: BrowserContext;

  before(async () => {
    tab = await startProductionTab();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await tab?.stop();
  });

  const open = async (context: Partial<FakeTeamsContext>) => {
    const opened = await openInFakeTeams(browser, {
      tabUrl: `https://${DOMAIN}/tab/`,
      backendUrl: tab.h.bot.url,
      context: {
        theme: 'default',
        locale: 'en-US',
        timeZone: 'Europe/Berlin',
        tenantId: TENANT,
        token: () => tab.ssoToken(),
        ...context,
      },
    });
    const frame = (): Frame => opened.page.frames().find((f) => f.url().startsWith(`https://${DOMAIN}/`))!;
    return { ...opened, frame };
  };

  it('signs in with the Teams SSO token, shows the groups Graph lets the user read, and says why for the others', async () => {
    const { page, frame } = await open({ theme: 'dark' });
    const f = await waitForFrame(frame);
    await f.waitForSelector('.chart[data-range] canvas');
    assert.equal(await f.evaluate('document.body.className'), 'theme-dark');
    assert.match((await f.textContent('#view-title')) ?? '', /IT Operations › M365 Alerts/);
    const badge = (group: string) => f.textContent(`article[aria-labelledby="g-${group}"] .badge`);
    assert.notEqual(await badge('exchange'), 'Not permitted');
    assert.equal(await badge('entra'), 'Not permitted');
    assert.match(
      (await f.textContent('section.chart-group.denied')) ?? '',
      /You can't read .* data: .*(Reports\.Read\.All|ServiceActivity)/,
    );
    // Links to chat commands open the chat with the bot.
    const link = await f.getAttribute('figure[data-metric="mail-delivery"] .chart-commands a', 'href');
    assert.match(link ?? '', /^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=28:22222222-/);
    await page.close();
  });

  it("follows Teams' theme when it changes", async () => {
    const { page, frame, setTheme } = await open({ theme: 'default' });
    const f = await waitForFrame(frame);
    await f.waitForSelector('.chart[data-range] canvas');
    assert.equal(await f.evaluate('document.body.className'), 'theme-default');
    await setTheme('contrast');
    await f.waitForSelector('body.theme-contrast');
    assert.equal(await f.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(0, 0, 0)');
    await page.close();
  });

  it('says sign-in failed, and shows no data, when Teams gives no token', async () => {
    const { page, frame } = await open({ token: () => undefined });
    const f = await waitForFrame(frame);
    await f.waitForSelector('#message p');
    assert.match((await f.textContent('#message')) ?? '', /Sign-in needed/);
    assert.equal(await f.locator('article.group').count(), 0);
    await page.close();
  });
});

async function waitForFrame(frame: () => Frame | undefined): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const f = frame();
    if (f) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the tab frame did not load');
}
