import assert from 'node:assert/strict';
import { durationLabel, readDuration } from '../../src/commands/read-duration';

describe('durations', () => {
  const cases: [string, boolean, number, string, number][] = [
    // text, bare unit allowed, minutes, label, tokens used
    ['90m', false, 90, '90 minutes', 1],
    ['6h', false, 360, '6 hours', 1],
    ['2d', false, 2880, '2 days', 1],
    ['1w', false, 10080, '7 days', 1],
    ['90 minutes', false, 90, '90 minutes', 2],
    ['2 hours', false, 120, '2 hours', 2],
    ['24 hrs', false, 1440, '24 hours', 2],
    ['1 hour', false, 60, 'hour', 2],
    ['an hour', false, 60, 'hour', 2],
    ['a day', false, 1440, 'day', 2],
    ['1.5h', false, 90, '90 minutes', 1],
    ['2wks', false, 20160, '14 days', 1],
    ['1 month', false, 43200, '30 days', 2],
    ['hour', true, 60, 'hour', 1],
    ['week', true, 10080, '7 days', 1],
    ['day', true, 1440, 'day', 1],
  ];
  for (const [text, bare, minutes, label, used] of cases) {
    it(`reads ${JSON.stringify(text)} as ${minutes} minutes ("${label}")`, () => {
      const read = readDuration(text.split(' '), 0, bare);
      assert.deepEqual(read, { duration: { minutes, label }, next: used });
    });
  }

  it('reads nothing from words that are not durations', () => {
    for (const text of ['hour', 'week', '6', 'h6', 'mail', '6x', '', 'last 6h', '6 apples']) {
      assert.equal(readDuration(text.split(' '), 0), undefined, text);
    }
    assert.equal(readDuration(['6', 'hours'], 2), undefined);
  });

  it('labels minutes in the largest whole unit', () => {
    assert.equal(durationLabel(90), '90 minutes');
    assert.equal(durationLabel(120), '2 hours');
    assert.equal(durationLabel(60), 'hour');
    assert.equal(durationLabel(2880), '2 days');
  });
});
