/** One chat command as users see it: the help card, suggestions and the manifest's command lists come from here. */
export interface CommandSpec {
  name: string;
  /** Other words that mean the same command. */
  aliases: readonly string[];
  usage: string;
  summary: string;
  examples: readonly string[];
  /** Reads tenant data, so the user must be signed in (Teams SSO starts sign-in before the command runs). */
  needsSignIn: boolean;
}

/** Every command the bot understands, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'help',
    aliases: ['?', 'commands', 'hi', 'hello'],
    usage: 'help [command]',
    summary: 'Lists the commands, or explains one.',
    examples: ['help', 'help status'],
    needsSignIn: false,
  },
  {
    name: 'whoami',
    aliases: ['me', 'who am i'],
    usage: 'whoami',
    summary: 'Shows who you are signed in as, your tenant, and which service groups your sign-in can read.',
    examples: ['whoami'],
    needsSignIn: true,
  },
  {
    name: 'signin',
    aliases: ['sign in', 'login', 'log in'],
    usage: 'signin',
    summary: 'Signs you in with your Microsoft 365 account (single sign-on), so I can read telemetry on your behalf.',
    examples: ['signin'],
    needsSignIn: true,
  },
  {
    name: 'signout',
    aliases: ['sign out', 'logout', 'log out'],
    usage: 'signout',
    summary: 'Signs you out and deletes the tokens I keep for you.',
    examples: ['signout'],
    needsSignIn: false,
  },
];

/** Every word that names a command, mapped to the command's name. */
export const COMMAND_WORDS: ReadonlyMap<string, string> = new Map(
  COMMANDS.flatMap((c) => [[c.name, c.name] as const, ...c.aliases.map((a) => [a, c.name] as const)]),
);

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
