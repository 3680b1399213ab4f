import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, pngSize, type DecodedPng } from './png-reader';
import { readRepoJson, repoPath } from './repo-files';

const icons = readRepoJson<{ icons: { color: string; outline: string } }>(
  'appPackage',
  'manifest.json',
).icons;
const colorPng = () => readFileSync(repoPath('appPackage', icons.color));
const outlinePng = () => readFileSync(repoPath('appPackage', icons.outline));

function pixel(png: DecodedPng, x: number, y: number): number[] {
  const at = (y * png.width + x) * png.channels;
  return [...png.pixels.subarray(at, at + png.channels)];
}

function pixels(png: DecodedPng): number[][] {
  return Array.from({ length: png.width * png.height }, (_, i) =>
    pixel(png, i % png.width, Math.floor(i / png.width)),
  );
}

describe('app icons', () => {
  it('color icon is a 192x192 opaque full-colour PNG: white pulse line on deep blue', () => {
    assert.deepEqual(pngSize(colorPng()), { width: 192, height: 192 });
    const png = decodePng(colorPng());
    assert.ok(png.colorType === 2 || png.colorType === 6, `colour type ${png.colorType} is not RGB`);
    const all = pixels(png);
    if (png.channels === 4)
      assert.ok(
        all.every((p) => p[3] === 255),
        'the colour icon must be opaque',
      );
    const [r, g, b] = pixel(png, 4, 4);
    assert.ok(b > 100 && b > r + 60 && b > g + 30, `corner ${r},${g},${b} is not deep blue`);
    const white = all.filter(([pr, pg, pb]) => pr === 255 && pg === 255 && pb === 255).length;
    assert.ok(white > 500, `only ${white} white pixels: no pulse line`);
  });

  it('outline icon is a 32x32 PNG with alpha, only white or transparent pixels', () => {
    assert.deepEqual(pngSize(outlinePng()), { width: 32, height: 32 });
    const png = decodePng(outlinePng());
    assert.equal(png.colorType, 6, 'the outline icon needs an alpha channel (RGBA)');
    const all = pixels(png);
    const notWhite = all.filter(([r, g, b, a]) => a > 0 && !(r === 255 && g === 255 && b === 255));
    assert.deepEqual(notWhite, [], 'visible pixels must be white');
    assert.ok(all.filter((p) => p[3] === 255).length >= 40, 'the pulse line is missing');
    assert.ok(all.filter((p) => p[3] === 0).length >= 32 * 32 * 0.6, 'the background must be transparent');
    assert.deepEqual(pixel(png, 0, 0).slice(3), [0], 'corners are transparent');
  });

  it('rejects a PNG whose chunk CRC is wrong', () => {
    const damaged = Buffer.from(outlinePng());
    damaged[20] ^= 0xff; // a height byte inside IHDR
    assert.throws(() => decodePng(damaged), /bad CRC in IHDR chunk/);
  });

  describe('scripts/make-icons.mjs', () => {
    let out = '';
    before(() => {
      out = mkdtempSync(join(tmpdir(), 'pulse-icons-'));
      execFileSync(process.execPath, [repoPath('scripts', 'make-icons.mjs'), '--out', out], {
        stdio: 'pipe',
      });
    });
    after(() => rmSync(out, { recursive: true, force: true }));

    it('regenerates exactly the committed pixels', () => {
      for (const [name, committed] of [
        [icons.color, colorPng()],
        [icons.outline, outlinePng()],
      ] as const) {
        const fresh = decodePng(readFileSync(join(out, name)));
        const old = decodePng(committed);
        assert.deepEqual(
          [fresh.width, fresh.height, fresh.colorType],
          [old.width, old.height, old.colorType],
          name,
        );
        assert.ok(
          fresh.pixels.equals(old.pixels),
          `${name} differs from the script's output: run the script`,
        );
      }
    });
  });
});
