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
  safeLocale,
  safeTimeZone,
} from '../../src/cards/format';

const NOW = new Date('2026-11-27T14:20:00Z'); // Friday; Berlin is UTC+1 in November
const MIN = 60_000;

describe('cards/format', () => {
  it('humanises counts (en-US)', () => {
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
    for (const [n, want] of table) assert.equal(formatCount(n, 'en-US'), want, `formatCount(${n})`);
  });

  it('formats percentages and values by unit (en-US)', () => {
    assert.equal(formatPercent(99.94, 'en-US'), '99.9%');
    assert.equal(formatPercent(100, 'en-US'), '100.0%');
    assert.equal(formatPercent(0.04, 'en-US'), '0.0%');
    assert.equal(formatValue(97.25, 'percent', 'en-US'), '97.3%');
    assert.equal(formatValue(190_640, 'count', 'en-US'), '190.6K');
  });

  it('signs changes with arrows (en-US)', () => {
    const table: [number, string][] = [
      [12.34, '▲ 12.3%'],
      [-60, '▼ 60.0%'],
      [0.04, '± 0.0%'],
      [-0.04, '± 0.0%'],
      [250, '▲ 250.0%'],
      [Number.POSITIVE_INFINITY, '–'],
    ];
    for (const [n, want] of table) assert.equal(formatChange(n, 'en-US'), want, `formatChange(${n})`);
    assert.equal(formatPointChange(-0.44, 'en-US'), '▼ 0.4 pt');
  });

  /** One row per locale: count, fraction, percent, change, point change, and times in Berlin. */
  const LOCALES: Record<string, string[]> = {
    //        190,640    12.345  99.94 %   −60 %      −0.44 pt    today     this week      earlier
    'en-US': ['190.6K', '12.3', '99.9%', '▼ 60.0%', '▼ 0.4 pt', '3:05 PM', 'Thu 11:00 AM', 'Nov 2, 11:00 AM'],
    'en-GB': ['190.6k', '12.3', '99.9%', '▼ 60.0%', '▼ 0.4 pt', '15:05', 'Thu 11:00', '2 Nov, 11:00'],
    'de-DE': [
      '190.640',
      '12,3',
      '99,9\u00a0%',
      '▼ 60,0\u00a0%',
      '▼ 0,4 pt',
      '15:05',
      'Do., 11:00',
      '2. Nov., 11:00',
    ],
    'ja-JP': ['19.1万', '12.3', '99.9%', '▼ 60.0%', '▼ 0.4 pt', '15:05', '11:00 (木)', '11月2日 11:00'],
  };
  for (const [locale, want] of Object.entries(LOCALES)) {
    it(`formats numbers, percentages and times for ${locale}`, () => {
      const tz = 'Europe/Berlin';
      assert.deepEqual(
        [
          formatCount(190_640, locale),
          formatCount(12.345, locale),
          formatPercent(99.94, locale),
          formatChange(-60, locale),
          formatPointChange(-0.44, locale),
          formatLocalTime(NOW.getTime() - 15 * MIN, NOW, tz, locale),
          formatLocalTime(Date.parse('2026-11-26T10:00:00Z'), NOW, tz, locale),
          formatLocalTime(Date.parse('2026-11-02T10:00:00Z'), NOW, tz, locale),
        ],
        want,
      );
    });
  }

  it('reads locales as Teams sends them and falls back to en-US', () => {
    assert.equal(safeLocale('de-de'), 'de-DE');
    assert.equal(safeLocale('ja-JP'), 'ja-JP');
    assert.equal(safeLocale(undefined), 'en-US');
    assert.equal(safeLocale(''), 'en-US');
    assert.equal(safeLocale('not a locale!'), 'en-US');
    assert.equal(formatCount(1234, 'not a locale!'), '1.2K');
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
    assert.equal(formatClock(NOW, 'UTC', 'en-GB'), '14:20');
    assert.equal(formatClock(NOW, 'Europe/Berlin', 'en-GB'), '15:20');
    assert.equal(formatClock(NOW, 'America/New_York', 'en-GB'), '09:20');
    assert.equal(formatClock(NOW, 'America/New_York', 'en-US'), '9:20 AM');
    assert.equal(formatLocalTime(Date.parse('2026-11-02T10:00:00Z'), NOW, 'UTC', 'en-GB'), '2 Nov, 10:00');
    // 23:30 UTC on Thursday is already Friday in Berlin, so it is "today" there
    assert.equal(formatLocalTime(Date.parse('2026-11-26T23:30:00Z'), NOW, 'Europe/Berlin', 'en-GB'), '00:30');
    assert.equal(formatLocalTime(Date.parse('2026-11-26T23:30:00Z'), NOW, 'UTC', 'en-GB'), 'Thu 23:30');
  });

  it('says how old the data is', () => {
    assert.equal(formatDataAge(NOW.getTime() - 5 * MIN, NOW, 'UTC', 'en-GB'), 'data as of 14:15, 5 min ago');
    assert.equal(
      formatDataAge(NOW.getTime() - 5 * MIN, NOW, 'Europe/Berlin', 'en-US'),
      'data as of 3:15 PM, 5 min ago',
    );
  });

  it('falls back to UTC for an unknown zone', () => {
    assert.equal(safeTimeZone('Mars/Olympus'), 'UTC');
    assert.equal(safeTimeZone(undefined), 'UTC');
    assert.equal(safeTimeZone('Asia/Kolkata'), 'Asia/Kolkata');
    assert.equal(formatClock(NOW, 'Mars/Olympus', 'en-GB'), '14:20');
  });

  it('labels chart axes by the window length, uniquely inside the window', () => {
    const t = Date.parse('2026-11-27T13:45:00Z');
    assert.equal(axisLabeller(6 * 60 * MIN, 'Europe/Berlin', 'en-GB')(t), '14:45');
    assert.equal(axisLabeller(3 * 1440 * MIN, 'Europe/Berlin', 'en-GB')(t), 'Fri 14:45');
    assert.equal(axisLabeller(3 * 1440 * MIN, 'Europe/Berlin', 'de-DE')(t), 'Fr., 14:45');
    assert.equal(axisLabeller(30 * 1440 * MIN, 'UTC', 'en-GB')(t), '27 Nov, 13:45');
    assert.equal(axisLabeller(30 * 1440 * MIN, 'UTC', 'en-US')(t), 'Nov 27, 1:45 PM');
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'ja-JP']) {
      const label = axisLabeller(7 * 1440 * MIN, 'UTC', locale);
      const labels = Array.from({ length: 7 * 96 }, (_, i) => label(t - i * 15 * MIN));
      assert.equal(new Set(labels).size, labels.length, locale);
    }
  });
});

describe('cards/trend-chart labels', () => {
  it('makes repeated wall-clock labels unique (the hour repeated when DST ends)', async () => {
    const { uniqueLabels } = await import('../../src/cards/trend-chart');
    const { axisLabeller } = await import('../../src/cards/format');
    const label = axisLabeller(6 * 3_600_000, 'Europe/Berlin', 'en-GB');
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
