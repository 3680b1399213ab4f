import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface StaticFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
}

/**
 * The built tab pages (dist/tab): read once and kept in memory with a gzip copy of the text files. A path outside
 * the folder, a dotfile or a type we do not serve is not found.
 */
export class StaticFiles {
  private readonly files = new Map<string, Promise<StaticFile | undefined>>();

  constructor(private readonly root: string) {}

  get(path: string): Promise<StaticFile | undefined> {
    const rel = normalize(path.replace(/^\/+/, '') || 'index.html');
    if (rel.startsWith('..') || rel.split(sep).some((p) => p.startsWith('.')) || !TYPES[extname(rel)])
      return Promise.resolve(undefined);
    let file = this.files.get(rel);
    if (!file) {
      file = readFile(join(this.root, rel)).then(
        (body) => {
          const type = TYPES[extname(rel)];
          return { type, body, gzip: type.startsWith('image/png') ? undefined : gzipSync(body) };
        },
        () => {
          this.files.delete(rel);
          return undefined;
        },
      );
      this.files.set(rel, file);
    }
    return file;
  }
}
