// Builds the Teams tab pages (web/tab) into dist/tab: one minified script per page, one stylesheet, the HTML.
// Run by `npm run build` after tsc; prints each file's raw and gzip size (the page weight).
import { build } from 'esbuild';
import process from 'node:process';
import console from 'node:console';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'web', 'tab');
const out = join(root, 'dist', 'tab');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: {
    dashboard: join(src, 'src', 'main.ts'),
    config: join(src, 'src', 'config.ts'),
    tab: join(src, 'tab.css'),
  },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome109', 'edge109', 'safari16', 'firefox115'],
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const page of ['index.html', 'config.html']) copyFileSync(join(src, page), join(out, page));

if (process.argv.includes('--sizes'))
  for (const f of readdirSync(out).filter((f) => /\.(js|css)$/.test(f))) {
    const body = readFileSync(join(out, f));
    console.log(
      `${f}: ${(body.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(body).length / 1024).toFixed(1)} KB`,
    );
  }
