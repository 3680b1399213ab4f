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
    name: 'status',
    aliases: ['health'],
    usage: 'status [service]',
    summary:
      'Health at a glance for every service group, or for one: exchange, teams, onedrive, web apps, entra, gsa.',
    examples: ['status', 'status exchange', 'status teams', 'status entra'],
    needsSignIn: true,
  },
  {
    name: 'show',
    aliases: ['chart', 'graph', 'plot', 'trend'],
    usage:
      'show <metric> [last <N>m|h|d | since <time> | <from> to <to>] [every 5|10|15|30 min] [vs last week]',
    summary:
      'Charts one metric over a window (the last 6 hours unless you say), optionally against the same window ' +
      'last week. Times are in your time zone; Graph keeps 30 days.',
    examples: [
      'show mail delivery',
      'show meeting joins last 24h vs last week',
      'show udp since 08:00',
      'show mfa failures yesterday 14:00 to 16:00 every 5 min',
    ],
    needsSignIn: true,
  },
  {
    name: 'metrics',
    aliases: ['list', 'catalog', 'signals'],
    usage: 'metrics [service]',
    summary: 'Lists the metrics I can show, with their ids and the words you can use for them.',
    examples: ['metrics', 'metrics teams', 'metrics gsa'],
    needsSignIn: false,
  },
  {
    name: 'board',
    aliases: ['dashboard', 'overview'],
    usage: 'board [service]',
    summary:
      'A dashboard: a small chart per metric for one service group, or the key metrics of every group.',
    examples: ['board', 'board exchange', 'board entra'],
    needsSignIn: true,
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
    summary:
      'Signs you in with your Microsoft 365 account (single sign-on), so I can read telemetry on your behalf.',
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
  {
    name: 'help',
    aliases: ['?', 'commands', 'hi', 'hello'],
    usage: 'help [command]',
    summary: 'Lists the commands, or explains one.',
    examples: ['help', 'help show', 'help status'],
    needsSignIn: false,
  },
];

/**
 * Words reserved for the alerting commands of the next release, with what each will do. They answer
 * "coming soon" rather than "unknown command", and no alias may take them.
 */
export const UPCOMING_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['subscribe', 'subscribe this conversation to alerts'],
  ['unsubscribe', 'stop alerts in this conversation'],
  ['subscriptions', 'list the alert subscriptions here'],
  ['watch', 'alert on one metric with a rule of your own'],
  ['unwatch', 'stop watching a metric'],
  ['rules', 'list the alert rules'],
  ['quiet', 'pause alerts for a while'],
  ['digest', 'send a daily health digest'],
  ['alerts', 'list firing and recent alerts'],
  ['history', 'show past alerts'],
]);

/** Every word that names a command, mapped to the command's name. */
export const COMMAND_WORDS: ReadonlyMap<string, string> = new Map(
  COMMANDS.flatMap((c) => [[c.name, c.name] as const, ...c.aliases.map((a) => [a, c.name] as const)]),
);

/** The spec of a command by its name (not an alias). */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
