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

/** A failure outside Microsoft Graph that the user can act on (exit code 1), e.g. a port already in use. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}
