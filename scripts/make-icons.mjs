#!/usr/bin/env node
// Writes the Teams app icons (appPackage/color.png 192x192 RGB, appPackage/outline.png 32x32 RGBA) as real PNGs
// with node:zlib only: a white heartbeat ("pulse") line, on deep blue for the colour icon and on transparent for
// the outline icon. Deterministic: the same script gives the same pixels.
// Usage: node scripts/make-icons.mjs [--out <dir>]   (default: appPackage/ next to this script's repo root)
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Heartbeat polylines in unit coordinates (y grows downwards): detailed for 192 px, bold and simple for 32 px. */
const PULSE_DETAILED = [
  [0.08, 0.55],
  [0.3, 0.55],
  [0.355, 0.47],
  [0.41, 0.55],
  [0.45, 0.55],
  [0.515, 0.2],
  [0.585, 0.82],
  [0.635, 0.55],
  [0.69, 0.55],
  [0.755, 0.46],
  [0.82, 0.55],
  [0.92, 0.55],
];
const PULSE_SIMPLE = [
  [0.03, 0.56],
  [0.28, 0.56],
  [0.42, 0.16],
  [0.6, 0.86],
  [0.72, 0.56],
  [0.97, 0.56],
];

const TOP_BLUE = [0x1f, 0x4f, 0xb4];
const BOTTOM_BLUE = [0x0b, 0x2a, 0x6b];

/** Distance from point (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Anti-aliased coverage (0..1) of a stroked polyline at each pixel centre of a size x size grid. */
function strokeCoverage(size, points, strokeWidth) {
  const pts = points.map(([x, y]) => [x * size, y * size]);
  const coverage = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let d = Infinity;
      for (let i = 1; i < pts.length; i++) {
        d = Math.min(d, segmentDistance(x + 0.5, y + 0.5, ...pts[i - 1], ...pts[i]));
      }
      coverage[y * size + x] = Math.max(0, Math.min(1, strokeWidth / 2 + 0.5 - d));
    }
  }
  return coverage;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGB (channels 3) or RGBA (channels 4) pixels as a PNG, filter type 0 on every row. */
function encodePng(size, channels, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 4 ? 6 : 2; // colour type: 6 = RGBA, 2 = RGB
  const stride = size * channels;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192x192 colour icon: vertical deep-blue gradient, white pulse line blended on top. */
function colorIcon() {
  const size = 192;
  const cover = strokeCoverage(size, PULSE_DETAILED, 11);
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    const t = y / (size - 1);
    const bg = TOP_BLUE.map((top, i) => top + (BOTTOM_BLUE[i] - top) * t);
    for (let x = 0; x < size; x++) {
      const a = cover[y * size + x];
      for (let c = 0; c < 3; c++) pixels[(y * size + x) * 3 + c] = Math.round(bg[c] * (1 - a) + 255 * a);
    }
  }
  return encodePng(size, 3, pixels);
}

/** 32x32 outline icon: white pulse line, coverage in the alpha channel, fully transparent elsewhere. */
function outlineIcon() {
  const size = 32;
  const cover = strokeCoverage(size, PULSE_SIMPLE, 2.6);
  const pixels = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const alpha = Math.round(cover[i] * 255);
    pixels.fill(255, i * 4, i * 4 + 3); // white everywhere, so scaled edges never pick up a dark fringe
    pixels[i * 4 + 3] = alpha;
  }
  return encodePng(size, 4, pixels);
}

const outFlag = process.argv.indexOf('--out');
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(repoRoot, 'appPackage');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'color.png'), colorIcon());
writeFileSync(join(outDir, 'outline.png'), outlineIcon());
process.stdout.write(`wrote ${join(outDir, 'color.png')} and ${join(outDir, 'outline.png')}\n`);
