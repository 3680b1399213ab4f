import type { AdaptiveCard } from './adaptive-card';
import { buildStatusCard, type BoardOptions, type StatusCardInput } from './status-card';

/**
 * The living status board for a channel: the status card with an Adaptive Card `refresh` (verb `board.refresh`,
 * data `{service}`) for the given `userIds`, "Last refreshed …", and a manual Refresh button with the same verb.
 * Teams auto-refreshes for everyone in conversations under 60 members and only for `userIds` above that, so the
 * button is always there.
 */
export function buildBoardCard(input: Omit<StatusCardInput, 'board'> & BoardOptions): AdaptiveCard {
  const { userIds, refreshedAt, ...rest } = input;
  return buildStatusCard({ ...rest, board: { userIds, refreshedAt } });
}

/** The "Updating…" variant of a board or status card: same numbers, plus a subtle line, while data takes > 5 s. */
export function buildUpdatingCard(input: StatusCardInput): AdaptiveCard {
  return buildStatusCard({ ...input, updating: true });
}
