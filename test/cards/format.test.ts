import assert from 'node:assert/strict';
import {
  axisLabeller,
  formatChange,
  formatClock,
  formatCount,
  formatDataAge,
  formatLocalTime,
  formatPercent,
  formatPointChange,
  formatRelative,
  formatValue,
  safeTimeZone,
} from '../../src/cards/format';

const NOW = new Date('2026-11-27T14:20:00Z'); // Friday; Berlin is UTC+1 in November
const MIN = 60_000;

describe('cards/format', () => {
  it('humanises counts', () => {
    const table: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [950, '950'],
      [12.345, '12.3'],
      [999, '999'],
      [1000, '1K'],
      [1234, '1.2K'],
      [190_640, '190.6K'],
      [999_950, '1M'],
      [3_412_000, '3.4M'],
      [1_234_567_890, '1.2B'],
      [-2500, '-2.5K'],
      [Number.NaN, '–'],
    ];
    for (const [n, want] of table) assert.equal(formatCount(n), want, `formatCount(${n})`);
  });

  it('formats percentages and values by unit', () => {
    assert.equal(formatPercent(99.94), '99.9 %');
    assert.equal(formatPercent(100), '100.0 %');
    assert.equal(formatPercent(0.04), '0.0 %');
    assert.equal(formatValue(97.25, 'percent'), '97.3 %');
    assert.equal(formatValue(190_640, 'count'), '190.6K');
  });

  it('signs changes with arrows', () => {
    const table: [number, string][] = [
      [12.34, '▲ 12.3 %'],
      [-60, '▼ 60.0 %'],
      [0.04, '± 0.0 %'],
      [-0.04, '± 0.0 %'],
      [250, '▲ 250.0 %'],
      [Number.POSITIVE_INFINITY, '–'],
    ];
    for (const [n, want] of table) assert.equal(formatChange(n), want, `formatChange(${n})`);
    assert.equal(formatPointChange(-0.44), '▼ 0.4 pt');
  });

  it('tells relative times both ways', () => {
    const table: [number, string][] = [
      [0, 'just now'],
      [20_000, 'just now'],
      [5 * MIN, '5 min ago'],
      [59 * MIN, '59 min ago'],
      [60 * MIN, '1 h ago'],
      [125 * MIN, '2 h 5 min ago'],
      [14 * 60 * MIN, '14 h ago'],
      [3 * 1440 * MIN, '3 days ago'],
      [-5 * MIN, 'in 5 min'],
      [-20_000, 'in under a minute'],
    ];
    for (const [ago, want] of table)
      assert.equal(formatRelative(NOW.getTime() - ago, NOW), want, `${ago} ms`);
  });

  it('shows local time in the user zone, with the day only when it is not today', () => {
    assert.equal(formatClock(NOW, 'UTC'), '14:20');
    assert.equal(formatClock(NOW, 'Europe/Berlin'), '15:20');
    assert.equal(formatClock(NOW, 'America/New_York'), '09:20');
    assert.equal(formatLocalTime(NOW.getTime() - 15 * MIN, NOW, 'Europe/Berlin'), '15:05');
    assert.equal(formatLocalTime(Date.parse('2026-11-26T10:00:00Z'), NOW, 'Europe/Berlin'), 'Thu 11:00');
    assert.equal(formatLocalTime(Date.parse('2026-11-02T10:00:00Z'), NOW, 'UTC'), '2 Nov 10:00');
    // 23:30 UTC on Thursday is already Friday in Berlin, so it is "today" there
    assert.equal(formatLocalTime(Date.parse('2026-11-26T23:30:00Z'), NOW, 'Europe/Berlin'), '00:30');
    assert.equal(formatLocalTime(Date.parse('2026-11-26T23:30:00Z'), NOW, 'UTC'), 'Thu 23:30');
  });

  it('says how old the data is', () => {
    assert.equal(formatDataAge(NOW.getTime() - 5 * MIN, NOW, 'UTC'), 'data as of 14:15, 5 min ago');
    assert.equal(formatDataAge(NOW.getTime() - 5 * MIN, NOW, 'Europe/Berlin'), 'data as of 15:15, 5 min ago');
  });

  it('falls back to UTC for an unknown zone', () => {
    assert.equal(safeTimeZone('Mars/Olympus'), 'UTC');
    assert.equal(safeTimeZone(undefined), 'UTC');
    assert.equal(safeTimeZone('Asia/Kolkata'), 'Asia/Kolkata');
    assert.equal(formatClock(NOW, 'Mars/Olympus'), '14:20');
  });

  it('labels chart axes by the window length, uniquely inside the window', () => {
    const t = Date.parse('2026-11-27T13:45:00Z');
    assert.equal(axisLabeller(6 * 60 * MIN, 'Europe/Berlin')(t), '14:45');
    assert.equal(axisLabeller(3 * 1440 * MIN, 'Europe/Berlin')(t), 'Fri 14:45');
    assert.equal(axisLabeller(30 * 1440 * MIN, 'UTC')(t), '27 Nov 13:45');
    const label = axisLabeller(7 * 1440 * MIN, 'UTC');
    const labels = Array.from({ length: 7 * 96 }, (_, i) => label(t - i * 15 * MIN));
    assert.equal(new Set(labels).size, labels.length);
  });
});

describe('cards/trend-chart labels', () => {
  it('makes repeated wall-clock labels unique (the hour repeated when DST ends)', async () => {
    const { uniqueLabels } = await import('../../src/cards/trend-chart');
    const { axisLabeller } = await import('../../src/cards/format');
    const label = axisLabeller(6 * 3_600_000, 'Europe/Berlin');
    const start = Date.parse('2026-10-25T00:00:00Z'); // 02:00 CEST; at 01:00 UTC clocks go back to 02:00 CET
    const labels = Array.from({ length: 8 }, (_, i) => label(start + i * 15 * 60_000));
    assert.equal(new Set(labels).size, 4, 'the raw labels repeat');
    assert.deepEqual(uniqueLabels(labels), [
      '02:00',
      '02:15',
      '02:30',
      '02:45',
      '02:00 (2)',
      '02:15 (2)',
      '02:30 (2)',
      '02:45 (2)',
    ]);
  });
});
