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
      'Health at a glance for every service group, or for one: exchange, teams, onedrive, web apps, entra, gsa. ' +
      "Shows the telemetry next to Microsoft's own health state and open incidents.",
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
    name: 'incidents',
    aliases: ['open incidents', 'issues', 'outages', 'advisories', 'service health'],
    usage: 'incidents [service]',
    summary:
      "Microsoft's open incidents and advisories from Microsoft 365 service health, for every service or one: " +
      'id, title, status, classification, start and last update.',
    examples: ['incidents', 'incidents exchange', 'incidents teams', 'incidents intune'],
    needsSignIn: true,
  },
  {
    name: 'incident',
    aliases: ['issue'],
    usage: 'incident <id>',
    summary:
      "One of Microsoft's incidents or advisories in full: impact, every update as a timeline, status history.",
    examples: ['incident EX123456', 'incident TM654321'],
    needsSignIn: true,
  },
  {
    name: 'messages',
    aliases: ['changes', 'message center', 'mc'],
    usage: 'messages [service]',
    summary: 'Recent Message center posts for every service or one, major changes and "act by" dates first.',
    examples: ['messages', 'messages teams', 'changes exchange'],
    needsSignIn: true,
  },
  {
    name: 'alerts',
    aliases: ['open alerts'],
    usage: 'alerts',
    summary:
      "Lists Pulse's open alerts for your tenant: what fires, since when, and who acknowledged it. Microsoft's own " +
      'incidents are under `incidents`.',
    examples: ['alerts'],
    needsSignIn: true,
  },
  {
    name: 'history',
    aliases: ['alert history', 'audit'],
    usage: 'history [7d]',
    summary:
      'Recent alerts with how long they lasted and who acknowledged them, and who changed alert settings when.',
    examples: ['history', 'history 24h', 'history 30d'],
    needsSignIn: true,
  },
  {
    name: 'subscribe',
    aliases: ['follow'],
    usage: 'subscribe [all | <service> | <metric>] [advisories]',
    summary:
      'Posts alerts into this chat or channel, for every service (the default), one service or one metric, ' +
      "with default rules from the catalog, and Microsoft's incidents for those services (`advisories` adds " +
      "Microsoft's advisories). Admins only.",
    examples: ['subscribe', 'subscribe exchange', 'subscribe teams udp', 'subscribe exchange advisories'],
    needsSignIn: true,
  },
  {
    name: 'unsubscribe',
    aliases: ['unfollow'],
    usage: 'unsubscribe [all | <service> | <metric>] [incidents | advisories]',
    summary:
      'Stops alerts here: all of them (the default), or one service or metric; with `incidents` only ' +
      "Microsoft's incidents and advisories stop, with `advisories` only the advisories. Admins only.",
    examples: ['unsubscribe', 'unsubscribe exchange', 'unsubscribe exchange incidents'],
    needsSignIn: true,
  },
  {
    name: 'subscriptions',
    aliases: ['subs'],
    usage: 'subscriptions',
    summary:
      'Shows what this chat or channel is subscribed to, since when and by whom, quiet hours and digest.',
    examples: ['subscriptions'],
    needsSignIn: true,
  },
  {
    name: 'watch',
    aliases: ['alert on'],
    usage: 'watch <metric> below|above <N>[%] [for <duration>] | watch <metric> drop <N>% [vs baseline]',
    summary:
      'Adds a rule of your own for the tenant: a fixed level, or a drop (or rise) in % against the usual ' +
      'level for that time of week. Admins only.',
    examples: [
      'watch connectivity below 97% for 15m',
      'watch mail delivery drop 30% vs baseline',
      'watch udp below 80%',
    ],
    needsSignIn: true,
  },
  {
    name: 'unwatch',
    aliases: [],
    usage: 'unwatch <rule id | #n>',
    summary:
      'Removes a rule of your own; a default rule is muted instead (`watch` with its id unmutes it). Admins only.',
    examples: ['unwatch #3', 'unwatch default:mail-delivery', 'unwatch udp below 80%'],
    needsSignIn: true,
  },
  {
    name: 'rules',
    aliases: ['alert rules'],
    usage: 'rules',
    summary: 'Lists the alert rules of your tenant, numbered, with defaults, your own rules and mutes.',
    examples: ['rules'],
    needsSignIn: true,
  },
  {
    name: 'quiet',
    aliases: ['quiet hours'],
    usage: 'quiet <from>-<to> [time zone] | quiet off',
    summary:
      'Holds alerts here every night (or any daily window) and posts them when it ends. Your time zone unless ' +
      'you name one. Admins only.',
    examples: ['quiet 22:00-07:00', 'quiet 22:00-07:00 Europe/Berlin', 'quiet off'],
    needsSignIn: true,
  },
  {
    name: 'digest',
    aliases: [],
    usage: 'digest daily <time> [time zone] | digest off',
    summary:
      'Posts the status card here every day at that time. Your time zone unless you name one. Admins only.',
    examples: ['digest daily 09:00', 'digest daily 08:30 America/New_York', 'digest off'],
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
 * Words reserved for commands of a later release, with what each will do: they answer "coming soon" rather than
 * "unknown command", and no alias may take them. The alerting words have graduated into COMMANDS; none is reserved.
 */
export const UPCOMING_COMMANDS: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Every word that names a command, mapped to the command's name. */
export const COMMAND_WORDS: ReadonlyMap<string, string> = new Map(
  COMMANDS.flatMap((c) => [[c.name, c.name] as const, ...c.aliases.map((a) => [a, c.name] as const)]),
);

/** The spec of a command by its name (not an alias). */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
