import assert from 'node:assert/strict';
import { parseDuration, parseInstant, parseInterval, windowRequest } from '../../src/cli/time-window';
import { validateWindow, WindowError } from '../../src/domain/window';

const H = 3_600_000;
const NOW = Date.parse('2024-10-02T12:07:30Z');

describe('cli/time-window (pure)', () => {
  it('parseDuration', () => {
    const cases: [string, number][] = [
      ['90m', 1.5 * H],
      ['6h', 6 * H],
      ['6 hours', 6 * H],
      ['1H', H],
      ['2d', 48 * H],
      ['1w', 168 * H],
      ['30min', 0.5 * H],
    ];
    for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, text);
    for (const bad of ['0h', '6', 'h', '1.5h', '-1h', '6y'])
      assert.throws(() => parseDuration(bad), /--last needs a duration/);
  });

  it('parseInstant reads offsets, and no offset as UTC', () => {
    const cases: [string, string][] = [
      ['2024-10-02T10:00:00Z', '2024-10-02T10:00:00.000Z'],
      ['2024-10-02T10:00Z', '2024-10-02T10:00:00.000Z'],
      ['2024-10-02T10:00', '2024-10-02T10:00:00.000Z'],
      ['2024-10-02 10:00:30', '2024-10-02T10:00:30.000Z'],
      ['2024-10-02', '2024-10-02T00:00:00.000Z'],
      ['2024-10-02T12:00+02:00', '2024-10-02T10:00:00.000Z'],
    ];
    for (const [text, iso] of cases) assert.equal(parseInstant('from', text).toISOString(), iso, text);
    for (const bad of ['yesterday', '1727863200', '2024-13-45', '10:00']) {
      assert.throws(() => parseInstant('from', bad), /--from needs an ISO 8601 date and time/, bad);
    }
  });

  it("parseInterval: default 15, allowed values, the bot's message otherwise", () => {
    assert.equal(parseInterval(undefined), 15);
    for (const n of [5, 10, 15, 30]) assert.equal(parseInterval(String(n)), n);
    assert.throws(
      () => parseInterval('60'),
      (e: unknown) =>
        e instanceof WindowError &&
        e.message.startsWith('The interval must be 5, 10, 15 or 30 minutes; got 60.'),
    );
    assert.throws(() => parseInterval('abc'), /--interval needs a number of minutes/);
  });

  it('--last ends at the newest complete bucket; up to 30 days is clamped, beyond is refused', () => {
    const six = windowRequest({ kind: 'last', durationMs: 6 * H, intervalMinutes: 15 }, NOW);
    assert.deepEqual(six, {
      request: {
        start: new Date('2024-10-02T06:00:00Z'),
        end: new Date('2024-10-02T12:00:00Z'),
        intervalMinutes: 15,
      },
      startPolicy: 'clamp',
    });
    const valid = validateWindow(six.request, { now: NOW, startPolicy: six.startPolicy });
    assert.ok(valid.ok && valid.window.notes.length === 0, 'nothing to align, no note');
    const month = windowRequest({ kind: 'last', durationMs: 30 * 24 * H, intervalMinutes: 15 }, NOW);
    const clamped = validateWindow(month.request, { now: NOW, startPolicy: month.startPolicy });
    assert.ok(clamped.ok && /keeps 30 days/.test(clamped.window.notes[0]));
    const more = windowRequest({ kind: 'last', durationMs: 31 * 24 * H, intervalMinutes: 15 }, NOW);
    assert.equal(more.startPolicy, 'refuse');
    const refused = validateWindow(more.request, { now: NOW, startPolicy: more.startPolicy });
    assert.ok(!refused.ok && /more than 30 days ago/.test(refused.error.message));
  });

  it("--from without --to ends at the newest complete bucket, or the end of the start's own bucket", () => {
    const range = (from: string) =>
      windowRequest(
        { kind: 'range', from: new Date(from), intervalMinutes: 15 },
        NOW,
      ).request.end.toISOString();
    assert.equal(range('2024-10-02T09:00:00Z'), '2024-10-02T12:00:00.000Z');
    assert.equal(range('2024-10-02T12:05:00Z'), '2024-10-02T12:15:00.000Z');
    assert.equal(range('2024-10-02T12:00:00Z'), '2024-10-02T12:15:00.000Z');
    const explicit = windowRequest(
      { kind: 'range', from: new Date(0), to: new Date(1000), intervalMinutes: 5 },
      NOW,
    );
    assert.deepEqual(explicit, {
      request: { start: new Date(0), end: new Date(1000), intervalMinutes: 5 },
      startPolicy: 'refuse',
    });
  });
});
