import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The compiled bin, as npm links it: dist/src/cli/main.js. */
export const CLI = resolve(__dirname, '../../../src/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/src/cli/main.js ...args` as a child process with only PATH and `env` in its environment (so a
 * developer's own GRAPH_TOKEN or AAD_APP_* never leaks in) and resolves when it exits.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** RFC 4180 parser for the tests (quoted fields, doubled quotes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) throw new Error('CSV does not end with CRLF');
  return records;
}

/** The data lines of an aligned table (after the title block, without the heading), split on 2+ spaces. */
export function tableRows(text: string): { heading: string[]; rows: string[][]; title: string[] } {
  const blocks = text.trimEnd().split('\n\n');
  const body = blocks[blocks.length - 1].split('\n');
  const split = (line: string) => line.trim().split(/\s{2,}/);
  return {
    title: blocks.length > 1 ? blocks[0].split('\n') : [],
    heading: split(body[0]),
    rows: body.slice(1).map(split),
  };
}
