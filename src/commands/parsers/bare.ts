import { fail, ok, type ParseResult } from '../command-types';
import { readDuration } from '../read-duration';
import { argumentTokens } from '../text-tokens';

const FILLERS: Record<'subscriptions' | 'rules' | 'alerts', ReadonlySet<string>> = {
  subscriptions: new Set(['here', 'list', 'all', 'show', 'in', 'this', 'channel', 'chat']),
  rules: new Set(['here', 'list', 'all', 'show', 'alert']),
  alerts: new Set(['open', 'active', 'firing', 'now', 'here', 'current', 'all', 'list', 'show']),
};

/** `subscriptions`, `rules`, `alerts`: the word alone (filler such as `here` or `open` is fine). */
export function parseBare(name: 'subscriptions' | 'rules' | 'alerts', rest: string): ParseResult {
  const extra = argumentTokens(rest).filter((t) => !FILLERS[name].has(t));
  if (!extra.length) return ok({ name });
  const past =
    name === 'alerts' &&
    readDuration(
      extra.filter((t) => t !== 'last' && t !== 'past'),
      0,
      true,
    );
  const fix = past ? `history ${extra.join(' ')}` : name;
  return fail(
    'invalid',
    `\`${name}\` takes nothing after it (I got \`${extra.join(' ').slice(0, 40)}\`). Send \`${name}\`` +
      (past ? `, or \`${fix}\` for past alerts.` : '.'),
    { suggestion: fix },
  );
}
