import type { Locator, Page } from 'playwright-core';

/** The Playground's message box. */
export const EDITOR = 'div[data-lexical-editor="true"][role="textbox"]';
/** Top-level cards (a Snooze choice renders a card inside the card). */
export const TOP_CARDS = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';

/**
 * Runs `act` (typing a command, running an alert cycle) and waits for a card that was not on the page before it and
 * matches `expected`. Matching only new cards matters: Playwright's `hasText` is a case-insensitive substring, so
 * an earlier card (help lists "subscribed to") would otherwise satisfy the wait before the bot has answered. Cards
 * on the page are marked first; position says nothing (a channel shows its newest post on top).
 */
export async function newCardAfter(
  page: Page,
  act: () => Promise<unknown>,
  expected: RegExp,
  timeoutMs = 20_000,
): Promise<Locator> {
  await page
    .locator(TOP_CARDS)
    .evaluateAll((els, seen) => els.forEach((e) => e.setAttribute(seen, '')), SEEN);
  const fresh = page.locator(`${TOP_CARDS}:not([${SEEN}])`);
  await act();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const card of await fresh.all()) if (expected.test(await card.innerText())) return card;
    if (Date.now() > deadline) {
      const texts = await fresh.evaluateAll((els) =>
        els.map((e) => (e as unknown as { innerText: string }).innerText.slice(0, 120)),
      );
      throw new Error(
        `no new card matching ${expected} within ${timeoutMs} ms; new cards: ${JSON.stringify(texts)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/** Attribute that marks the cards already on the page. */
const SEEN = 'data-pulse-seen';

/** Types `text` into the message box and sends it. */
export async function typeCommand(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).first().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Opens a conversation from the Playground's list and waits until its view is shown (a channel has a Post button,
 * a chat none), so cards counted next belong to it.
 */
export async function openConversation(page: Page, label: string, kind: 'chat' | 'channel'): Promise<void> {
  await page.locator(`[role="treeitem"][aria-label="${label}"]`).click();
  const post = page.getByRole('button', { name: 'Post', exact: true });
  await post.waitFor({ state: kind === 'channel' ? 'visible' : 'hidden', timeout: 20_000 });
}
