import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  port?: number;
  /** `.m365agentsplayground.yml` (tenant, users, team and channels); the repo root's by default. */
  configPath?: string;
  logFile: string;
  /** When set, the Playground records every activity it exchanges with the bot into this file. */
  recordingFile?: string;
}

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft's M365 Agents Playground (the local Teams client) offline, without opening a browser and with
 * telemetry off, and waits until it answers /_debug/ping.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const port = options.port ?? 56150;
  const cli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const configPath = resolve(options.configPath ?? '.m365agentsplayground.yml');
  mkdirSync(dirname(options.logFile), { recursive: true });
  const args = [cli, 'start', '-e', options.botEndpoint, '-c', 'msteams', '-p', String(port), '--dt'];
  if (options.recordingFile) args.push('--er');
  const child = spawn(process.execPath, args, {
    cwd: dirname(options.logFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      ...(existsSync(configPath) ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath } : {}),
      ...(options.recordingFile ? { M365_AGENTS_PLAYGROUND_RECORDING_FILE: options.recordingFile } : {}),
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Agents Playground exited: ${output.trim()}`);
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) return { url, process: child, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`The Agents Playground did not start on port ${port} within 20 s: ${output.trim()}`);
}
