import assert from 'node:assert/strict';
import { isoMs, isoSeconds } from '../../src/domain/buckets';

describe('domain/buckets: ISO times of bucket starts', () => {
  it('formats and parses exactly, the same string each time', () => {
    const t = Date.parse('2026-11-25T12:05:00Z');
    assert.equal(isoSeconds(t), '2026-11-25T12:05:00Z');
    assert.equal(isoSeconds(t), isoSeconds(t));
    assert.equal(isoMs('2026-11-25T12:05:00Z'), t);
    assert.equal(isoMs(isoSeconds(t)), t);
    assert.ok(Number.isNaN(isoMs('not a time')));
    assert.throws(() => isoSeconds(Number.NaN), RangeError);
  });

  it('stays exact past the remembered conversions (the memo is emptied when full, never wrong)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 120_000; i += 1) {
      const t = start + i * 300_000;
      const iso = isoSeconds(t);
      if (i % 9_973 === 0) assert.equal(iso, `${new Date(t).toISOString().slice(0, 19)}Z`);
      assert.equal(isoMs(iso), t);
    }
  });
});
