/** One chat command as users see it: the help card, suggestions and the manifest's command lists come from here. */
export interface CommandSpec {
  name: string;
  /** Other words that mean the same command. */
  aliases: readonly string[];
  usage: string;
  summary: string;
  examples: readonly string[];
}

/** Every command the bot understands, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'help',
    aliases: ['?', 'commands', 'hi', 'hello'],
    usage: 'help [command]',
    summary: 'Lists the commands, or explains one.',
    examples: ['help', 'help help'],
  },
];

/** Every word that names a command, mapped to the command's name. */
export const COMMAND_WORDS: ReadonlyMap<string, string> = new Map(
  COMMANDS.flatMap((c) => [[c.name, c.name] as const, ...c.aliases.map((a) => [a, c.name] as const)]),
);

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
