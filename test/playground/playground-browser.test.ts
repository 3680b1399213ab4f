import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { PlaygroundSession } from '../helpers/playground-session';
import { EDITOR, newCardAfter, openConversation, typeCommand } from '../helpers/playground-page';

/** Screenshots go to docs/images when UPDATE_SCREENSHOTS=1 (for the README), else next to the test's data. */
function screenshotPath(session: PlaygroundSession, name: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1'
    ? join('docs', 'images', name)
    : join(session.harness.dataDir, name);
}

describe('Agents Playground in Chromium (a person typing)', function () {
  this.timeout(90_000);
  const session = new PlaygroundSession();
  let browser: BrowserContext;
  let page: Page;

  before(async () => {
    // The test runs the alert cycle: the demo's 15-second timer could otherwise poll between `subscribe` and the
    // start of the scenario, which dates its drop 30 minutes back, and later cycles only fetch the newest buckets.
    await session.start({}, { monitor: false });
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
    const card = await newCardAfter(page, () => typeCommand(page, 'help'), /M365 Pulse commands/);
    assert.match(await card.innerText(), /help \[command\]/);
    await page.screenshot({ path: screenshotPath(session, 'playground-help.png') });
  });

  it("lists Microsoft's incident for a mail drop and shows the incident card", async () => {
    // First in the chat, so no earlier poll of this tenant's service health holds the floor of one poll a minute.
    const drop = session.sim.scenarios.start({ name: 'mail-delivery-drop', startsInMinutes: -30 });
    const list = await newCardAfter(
      page,
      () => typeCommand(page, 'incidents exchange'),
      /As reported by Microsoft/,
    );
    const listed = await list.innerText();
    assert.match(listed, /Incident · Service degradation/);
    const id = /EX\d{6}/.exec(listed)![0];
    const card = await newCardAfter(
      page,
      () => typeCommand(page, `incident ${id}`),
      /Updates from Microsoft/,
    );
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
    const card = await newCardAfter(page, () => typeCommand(page, 'status'), /Microsoft 365 status/);
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
    await openConversation(page, `${team.name} - ${channel.name}`, 'channel');
    const botName = (await session.config()) as unknown as { bot: { name: string } };
    await newCardAfter(
      page,
      async () => {
        await page.locator(EDITOR).first().click();
        await page.keyboard.type('@');
        await page.keyboard.type(botName.bot.name.slice(0, 4));
        await page
          .locator('#typeahead-menu [role="menuitem"]', { hasText: botName.bot.name })
          .first()
          .click();
        await page.keyboard.type(' help');
        await page.getByRole('button', { name: 'Post', exact: true }).click();
      },
      /M365 Pulse commands/,
    );
    await page.screenshot({ path: screenshotPath(session, 'playground-channel-help.png') });
  });

  it('renders the proactive alert card, with its buttons, when an incident fires', async () => {
    await openConversation(page, 'Personal Chat', 'chat');
    // Help, listed earlier in this chat, says "subscribed to": only a new card answers the command.
    await newCardAfter(page, () => typeCommand(page, 'subscribe exchange'), /Subscribed/);
    session.sim.scenarios.start({ name: 'mail-delivery-drop', startsInMinutes: -30, durationMinutes: 60 });
    const logsBefore = session.harness.logs.lines.length;
    let reports: unknown;
    const alert = await newCardAfter(
      page,
      async () => (reports = await session.harness.bot.monitor!.runOnce()),
      /Mail delivery[\s\S]*^\s*Acknowledge\s*$/m,
    ).catch((err: Error) => {
      // What the cycle saw and what the bot logged since: the only way to read a failure on a CI machine.
      const logged = session.harness.logs.lines.slice(logsBefore).map((l) => l.slice(0, 400));
      throw new Error(
        `${err.message}\ncycle reports: ${JSON.stringify(reports)}\nbot log:\n${logged.join('\n')}`,
      );
    });
    const text = await alert.innerText();
    assert.match(text, /Firing/);
    assert.match(text, /Snooze/);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(session, 'playground-alert.png') });
    await page.setViewportSize({ width: 1280, height: 1400 });
  });
});
