/** Wrong command-line input (exit code 2); `command` names the command whose `--help` the hint points to. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
