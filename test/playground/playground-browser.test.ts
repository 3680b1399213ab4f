import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { PlaygroundSession } from '../helpers/playground-session';

/** Screenshots go to docs/images when UPDATE_SCREENSHOTS=1 (for the README), else next to the test's data. */
function screenshotPath(session: PlaygroundSession, name: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1'
    ? join('docs', 'images', name)
    : join(session.harness.dataDir, name);
}

const editor = 'div[data-lexical-editor="true"][role="textbox"]';

describe('Agents Playground in Chromium (a person typing)', function () {
  this.timeout(90_000);
  const session = new PlaygroundSession();
  let browser: BrowserContext;
  let page: Page;

  before(async () => {
    await session.start();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(session.playground.url, { waitUntil: 'domcontentloaded' });
  });
  after(async () => {
    await browser?.close();
    await session.stop();
  });

  it('shows the help card in the personal chat', async () => {
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    await page.locator(editor).first().click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'M365 Pulse commands' }).last();
    await card.waitFor({ timeout: 20_000 });
    assert.match(await card.innerText(), /help \[command\]/);
    await page.screenshot({ path: screenshotPath(session, 'playground-help.png') });
  });

  it("lists Microsoft's incident for a mail drop and shows the incident card", async () => {
    // First in the chat, so no earlier poll of this tenant's service health holds the floor of one poll a minute.
    const drop = session.sim.scenarios.start({ name: 'mail-delivery-drop', startsInMinutes: -30 });
    await page.locator(editor).first().click();
    await page.keyboard.type('incidents exchange');
    await page.keyboard.press('Enter');
    const list = page.locator('.ac-adaptiveCard', { hasText: 'As reported by Microsoft' }).last();
    await list.waitFor({ timeout: 20_000 });
    const listed = await list.innerText();
    assert.match(listed, /Incident · Service degradation/);
    const id = /EX\d{6}/.exec(listed)![0];
    await page.locator(editor).first().click();
    await page.keyboard.type(`incident ${id}`);
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Updates from Microsoft' }).last();
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    assert.match(text, /User impact/);
    assert.match(text, /Status history/);
    assert.match(text, /Your telemetry/);
    await page.setViewportSize({ width: 1280, height: 2200 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(session, 'playground-incident.png') });
    await page.setViewportSize({ width: 1280, height: 1400 });
    session.sim.scenarios.stop(drop.id);
  });

  it("renders the status card with the simulated tenant's numbers and charts", async () => {
    await page.locator(editor).first().click();
    await page.keyboard.type('status');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Microsoft 365 status' }).last();
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    assert.match(text, /Microsoft Teams/);
    assert.match(text, /vs last week/);
    await page.setViewportSize({ width: 1280, height: 2600 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(session, 'playground-status.png') });
    await page.setViewportSize({ width: 1280, height: 1400 });
  });

  it('answers an @mention in a channel with the help card', async () => {
    const config = (await session.config()) as unknown as {
      teams: { name: string; channels: { name: string }[] }[];
    };
    const team = config.teams[0];
    const channel = team.channels.find((c) => c.name !== 'General') ?? team.channels[0];
    await page.locator(`[role="treeitem"][aria-label="${team.name} - ${channel.name}"]`).click();
    await page.locator(editor).first().click();
    await page.keyboard.type('@');
    const botName = (await session.config()) as unknown as { bot: { name: string } };
    await page.keyboard.type(botName.bot.name.slice(0, 4));
    await page.locator('#typeahead-menu [role="menuitem"]', { hasText: botName.bot.name }).first().click();
    await page.keyboard.type(' help');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const card = page.locator('.ac-adaptiveCard', { hasText: 'M365 Pulse commands' }).last();
    await card.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath(session, 'playground-channel-help.png') });
  });

  it('renders the proactive alert card, with its buttons, when an incident fires', async () => {
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    await page.locator(editor).first().click();
    await page.keyboard.type('subscribe exchange');
    await page.keyboard.press('Enter');
    await page.locator('.ac-adaptiveCard', { hasText: 'Subscribed' }).last().waitFor({ timeout: 20_000 });
    session.sim.scenarios.start({ name: 'mail-delivery-drop', startsInMinutes: -30, durationMinutes: 60 });
    await session.harness.bot.monitor!.runOnce();
    const ackButton = page.locator('button', { hasText: /^\s*Acknowledge\s*$/ });
    const alert = page.locator('.ac-adaptiveCard', { hasText: 'Mail delivery', has: ackButton }).last();
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    assert.match(text, /Firing/);
    assert.match(text, /Snooze/);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(session, 'playground-alert.png') });
    await page.setViewportSize({ width: 1280, height: 1400 });
  });
});
