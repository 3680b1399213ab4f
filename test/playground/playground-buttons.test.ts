import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { PlaygroundSession } from '../helpers/playground-session';
import { TOP_CARDS, newCardAfter, typeCommand } from '../helpers/playground-page';

/**
 * Clicks `button` inside `card` and waits until that same message shows a different card matching `expected`,
 * with no new message posted and no error thrown by the web client: the card changed in place.
 */
async function clickAndSeeCardChange(
  page: Page,
  card: Locator,
  press: Locator | (() => Promise<void>),
  expected: RegExp,
): Promise<string> {
  const cards = page.locator(TOP_CARDS);
  const count = await cards.count();
  const index = await card.evaluate(
    (el, selector) => [...el.ownerDocument.querySelectorAll(selector)].indexOf(el),
    TOP_CARDS,
  );
  assert.ok(index >= 0, 'the card is a top-level card');
  const before = await cards.nth(index).innerText();
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    await (typeof press === 'function' ? press() : press.click());
    const deadline = Date.now() + 20_000;
    for (;;) {
      const now = await cards.nth(index).innerText();
      if (now !== before && expected.test(now)) break;
      if (errors.length || Date.now() > deadline)
        throw new Error(
          `the card did not change in place to match ${expected} (it shows: ${now.slice(0, 300)})` +
            (errors.length ? `; the web client threw: ${errors.join('; ')}` : ''),
        );
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('pageerror', onError);
  }
  assert.equal(await cards.count(), count, 'no new message: the card was updated in place');
  return cards.nth(index).innerText();
}

/** A metric Graph fails while the status card is first built. */
const FAILING = 'getUsageMetricsForTeamsByLaunch';

const button = (scope: Locator | Page, name: RegExp) => scope.locator('button', { hasText: name }).first();

describe('Agents Playground in Chromium (a person clicking card buttons)', function () {
  this.timeout(180_000);
  const session = new PlaygroundSession();
  let browser: BrowserContext;
  let page: Page;

  before(async () => {
    // Only the test runs alert cycles: a cycle re-sends the summary card, which would race the clicks.
    await session.start({}, { monitor: false });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(session.playground.url, { waitUntil: 'domcontentloaded' });
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
  });
  after(async () => {
    await browser?.close();
    await session.stop();
  });

  const statusCard = () => page.locator(TOP_CARDS, { hasText: 'Microsoft 365 status' }).first();

  const type = (text: string) => typeCommand(page, text);

  let statusAt = 0;
  it('answers status with a card, one metric failing', async () => {
    // Graph fails one Teams metric now and recovers before the card's Refresh is pressed.
    session.sim.faults.set({ errorRate: 1, errorStatus: 500, functions: [FAILING] });
    await type('status');
    await statusCard().waitFor({ timeout: 20_000 });
    statusAt = Date.now();
    session.sim.faults.clear();
    assert.match(await statusCard().innerText(), /1 failed/);
  });

  describe('a proactive alert card', () => {
    const alertCard = () => page.locator(TOP_CARDS, { hasText: /Exchange Online alert/ }).last();

    before(async () => {
      await newCardAfter(page, () => type('subscribe exchange'), /Subscribed/);
      session.sim.scenarios.start({ name: 'mail-delivery-drop', startsInMinutes: -30, durationMinutes: 60 });
      await newCardAfter(
        page,
        () => session.harness.bot.monitor!.runOnce(),
        /Mail delivery[\s\S]*^\s*Acknowledge\s*$/m,
      );
    });

    it('Acknowledge: the card says who acknowledged it', async () => {
      const card = alertCard();
      const text = await clickAndSeeCardChange(
        page,
        card,
        button(card, /^\s*Acknowledge\s*$/),
        /Acknowledged by/,
      );
      assert.doesNotMatch(text, /^\s*Acknowledge\s*$/m, 'no Acknowledge button once acknowledged');
    });

    it('Snooze → 1 hour: the card says until when', async () => {
      const card = alertCard();
      await button(card, /Snooze/).click();
      const choice = button(card, /^\s*1 hour\s*$/);
      await choice.waitFor({ timeout: 5_000 });
      await clickAndSeeCardChange(page, card, choice, /Snoozed until/);
    });

    it('Mute rule: the card says the rule is muted', async () => {
      const card = alertCard();
      const text = await clickAndSeeCardChange(
        page,
        card,
        button(card, /^\s*Mute rule\s*$/),
        /Rule muted by/,
      );
      assert.doesNotMatch(text, /^\s*Mute rule\s*$/m);
    });

    it('Details: the card turns into the details view, and back', async () => {
      const card = alertCard();
      await clickAndSeeCardChange(page, card, button(card, /^\s*Details\s*$/), /alert · details/);
      const details = page.locator(TOP_CARDS, { hasText: /alert · details/ }).last();
      await clickAndSeeCardChange(page, details, button(details, /Back to summary/), /Snoozed until/);
    });
  });

  describe('the status card, after Graph recovered', () => {
    it('Refresh on the status card updates that card', async () => {
      const card = statusCard();
      // The bot reuses a tenant's status view for up to 60 s (failures included); then Refresh asks Graph again.
      while (Date.now() - statusAt < 61_000) await page.waitForTimeout(500);
      const text = await clickAndSeeCardChange(page, card, button(card, /^\s*Refresh\s*$/), /normal/);
      assert.doesNotMatch(text, /failed/);
      assert.match(text, /Microsoft Teams/);
    });
  });
});
