/** Everything a command touches outside itself, so runs can be driven and observed in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): number;
}

/** The real process: stdout, stderr, environment and clock. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    now: Date.now,
  };
}

/**
 * Process-level guards for a command-line tool: a closed stdout pipe (`| head`) ends the run quietly, and anything
 * thrown outside a command still prints one line (`m365-pulse: …`), never a stack trace.
 */
export function guardProcess(line: (error: unknown) => string): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const crash = (e: unknown) => {
    process.stderr.write(`${line(e)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
