import { fail, ok, type ParseResult } from '../command-types';

/** `whoami`, `signin`, `signout`: the command word alone. */
export function parseNoArgs(name: 'whoami' | 'signin' | 'signout', rest: string): ParseResult {
  if (!rest) return ok({ name });
  return fail(
    'invalid',
    `\`${name}\` takes nothing after it (I got \`${rest.slice(0, 40)}\`). Send \`${name}\`.`,
    {
      suggestion: name,
    },
  );
}
