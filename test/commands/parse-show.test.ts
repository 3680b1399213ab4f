import assert from 'node:assert/strict';
import { parseCommand } from '../../src/commands/parse';
import { defaultInterval } from '../../src/commands/show-window';

/** Friday 27 November 2026, 10:07:30 UTC (11:07 in Berlin, 05:07 in New York). */
const NOW = new Date('2026-11-27T10:07:30Z');

interface Expected {
  fn?: string;
  start: string;
  end: string;
  interval: number;
  compare?: boolean;
  label: string;
}

function show(text: string, timeZone = 'UTC', now = NOW): Expected & { fn: string } {
  const r = parseCommand(text, { now, timeZone });
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  const c = r.command;
  assert.equal(c.name, 'show');
  return {
    fn: c.fn,
    start: c.start.toISOString().slice(0, 16),
    end: c.end.toISOString().slice(0, 16),
    interval: c.intervalMinutes,
    compare: c.compareLastWeek,
    label: c.windowLabel,
  };
}

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';

describe('parseCommand: show windows', () => {
  const utc: [string, Expected][] = [
    [
      'show mail delivery',
      { fn: MAIL, start: '2026-11-27T04:05', end: '2026-11-27T10:05', interval: 5, label: 'last 6 hours' },
    ],
    [
      'show mail flow last 90m',
      { start: '2026-11-27T08:35', end: '2026-11-27T10:05', interval: 5, label: 'last 90 minutes' },
    ],
    [
      'show mail flow last 90 minutes',
      { start: '2026-11-27T08:35', end: '2026-11-27T10:05', interval: 5, label: 'last 90 minutes' },
    ],
    [
      'show mail flow last 2 hours',
      { start: '2026-11-27T08:05', end: '2026-11-27T10:05', interval: 5, label: 'last 2 hours' },
    ],
    [
      'show mail flow for the last hour',
      { start: '2026-11-27T09:05', end: '2026-11-27T10:05', interval: 5, label: 'last hour' },
    ],
    [
      'show mail flow 6h',
      { start: '2026-11-27T04:05', end: '2026-11-27T10:05', interval: 5, label: 'last 6 hours' },
    ],
    [
      'show mail flow last 7h',
      { start: '2026-11-27T03:00', end: '2026-11-27T10:00', interval: 15, label: 'last 7 hours' },
    ],
    [
      'show mail flow last 2d',
      { start: '2026-11-25T10:00', end: '2026-11-27T10:00', interval: 15, label: 'last 2 days' },
    ],
    [
      'show mail flow 3d',
      { start: '2026-11-24T10:00', end: '2026-11-27T10:00', interval: 15, label: 'last 3 days' },
    ],
    [
      'show mail flow last 1w',
      { start: '2026-11-20T10:00', end: '2026-11-27T10:00', interval: 30, label: 'last 7 days' },
    ],
    [
      'show mail flow last week',
      { start: '2026-11-20T10:00', end: '2026-11-27T10:00', interval: 30, label: 'last 7 days' },
    ],
    [
      'show mail flow past 24 hrs',
      { start: '2026-11-26T10:00', end: '2026-11-27T10:00', interval: 15, label: 'last 24 hours' },
    ],
    [
      'show mail flow last 30d',
      { start: '2026-10-28T10:30', end: '2026-11-27T10:00', interval: 30, label: 'last 30 days' },
    ],
    [
      'show mail flow last 2m',
      { start: '2026-11-27T10:00', end: '2026-11-27T10:05', interval: 5, label: 'last 5 minutes' },
    ],
    [
      'show mail flow last 6h every 15 min',
      { start: '2026-11-27T04:00', end: '2026-11-27T10:00', interval: 15, label: 'last 6 hours' },
    ],
    [
      'show mail flow every 10m last 6h',
      { start: '2026-11-27T04:00', end: '2026-11-27T10:00', interval: 10, label: 'last 6 hours' },
    ],
    [
      'show mail flow last 2d every 5 minutes',
      { start: '2026-11-25T10:05', end: '2026-11-27T10:05', interval: 5, label: 'last 2 days' },
    ],
    [
      'show mail flow interval 30',
      { start: '2026-11-27T04:00', end: '2026-11-27T10:00', interval: 30, label: 'last 6 hours' },
    ],
    [
      'show mail flow vs last week',
      {
        start: '2026-11-27T04:05',
        end: '2026-11-27T10:05',
        interval: 5,
        compare: true,
        label: 'last 6 hours',
      },
    ],
    [
      'show mail flow last 23d vs. last week',
      {
        start: '2026-11-04T10:30',
        end: '2026-11-27T10:00',
        interval: 30,
        compare: true,
        label: 'last 23 days',
      },
    ],
    [
      'show mail flow compared to the previous week',
      {
        start: '2026-11-27T04:05',
        end: '2026-11-27T10:05',
        interval: 5,
        compare: true,
        label: 'last 6 hours',
      },
    ],
    [
      'show mail flow since 08:00',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T10:05',
        interval: 5,
        label: 'since 2026-11-27 08:00 UTC',
      },
    ],
    [
      'show mail flow since 08:03',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T10:05',
        interval: 5,
        label: 'since 2026-11-27 08:00 UTC',
      },
    ],
    [
      'show mail flow since 8am',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T10:05',
        interval: 5,
        label: 'since 2026-11-27 08:00 UTC',
      },
    ],
    [
      'show mail flow since 11:00',
      {
        start: '2026-11-26T11:00',
        end: '2026-11-27T10:00',
        interval: 15,
        label: 'since 2026-11-26 11:00 UTC',
      },
    ],
    [
      'show mail flow since yesterday',
      {
        start: '2026-11-26T00:00',
        end: '2026-11-27T10:00',
        interval: 15,
        label: 'since 2026-11-26 00:00 UTC',
      },
    ],
    [
      'show mail flow since 2h ago',
      {
        start: '2026-11-27T08:05',
        end: '2026-11-27T10:05',
        interval: 5,
        label: 'since 2026-11-27 08:05 UTC',
      },
    ],
    [
      'show mail flow from 09:00',
      {
        start: '2026-11-27T09:00',
        end: '2026-11-27T10:05',
        interval: 5,
        label: 'since 2026-11-27 09:00 UTC',
      },
    ],
    [
      'show mail flow 2026-11-27T08:00 to 2026-11-27T09:00',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T09:00',
        interval: 5,
        label: '2026-11-27 08:00 to 09:00 UTC',
      },
    ],
    [
      'show mail flow 2026-11-27 08:00Z to 09:00',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T09:00',
        interval: 5,
        label: '2026-11-27 08:00 to 09:00 UTC',
      },
    ],
    [
      'show mail flow from 08:00 to 09:30',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T09:30',
        interval: 5,
        label: '2026-11-27 08:00 to 09:30 UTC',
      },
    ],
    [
      'show mail flow 08:00-09:30',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T09:30',
        interval: 5,
        label: '2026-11-27 08:00 to 09:30 UTC',
      },
    ],
    [
      'show mail flow 08:00 – 09:30',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T09:30',
        interval: 5,
        label: '2026-11-27 08:00 to 09:30 UTC',
      },
    ],
    [
      'show mail flow 08:00 until now',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T10:05',
        interval: 5,
        label: '2026-11-27 08:00 to 10:05 UTC',
      },
    ],
    [
      'show mail flow yesterday 14:00 to 16:00',
      {
        start: '2026-11-26T14:00',
        end: '2026-11-26T16:00',
        interval: 5,
        label: '2026-11-26 14:00 to 16:00 UTC',
      },
    ],
    [
      'show mail flow yesterday 22:00 to 02:00',
      {
        start: '2026-11-26T22:00',
        end: '2026-11-27T02:00',
        interval: 5,
        label: '2026-11-26 22:00 to 2026-11-27 02:00 UTC',
      },
    ],
    [
      'show mail flow between mon 10:00 and tue 12:00',
      {
        start: '2026-11-23T10:00',
        end: '2026-11-24T12:00',
        interval: 15,
        label: '2026-11-23 10:00 to 2026-11-24 12:00 UTC',
      },
    ],
    [
      'show mail flow today 9:30 to 10:00',
      {
        start: '2026-11-27T09:30',
        end: '2026-11-27T10:00',
        interval: 5,
        label: '2026-11-27 09:30 to 10:00 UTC',
      },
    ],
    [
      'show mail flow 09:58 to 10:07',
      {
        start: '2026-11-27T09:55',
        end: '2026-11-27T10:05',
        interval: 5,
        label: '2026-11-27 09:55 to 10:05 UTC',
      },
    ],
    [
      'show mail flow yesterday',
      { start: '2026-11-26T00:00', end: '2026-11-27T00:00', interval: 15, label: 'yesterday (UTC)' },
    ],
    [
      'show mail flow today',
      { start: '2026-11-27T00:00', end: '2026-11-27T10:00', interval: 15, label: 'today (UTC)' },
    ],
    [
      'show mail flow on monday',
      { start: '2026-11-23T00:00', end: '2026-11-24T00:00', interval: 15, label: 'Monday 2026-11-23 (UTC)' },
    ],
    [
      'show mail flow last tue',
      { start: '2026-11-24T00:00', end: '2026-11-25T00:00', interval: 15, label: 'Tuesday 2026-11-24 (UTC)' },
    ],
    [
      'show mail flow 2026-11-20',
      { start: '2026-11-20T00:00', end: '2026-11-21T00:00', interval: 15, label: '2026-11-20 (UTC)' },
    ],
    [
      'show mail flow mon to wed',
      {
        start: '2026-11-23T00:00',
        end: '2026-11-26T00:00',
        interval: 15,
        label: '2026-11-23 00:00 to 2026-11-26 00:00 UTC',
      },
    ],
    [
      'show me the mail flow for the last 2 hours, every 15 min, vs last week.',
      {
        start: '2026-11-27T08:00',
        end: '2026-11-27T10:00',
        interval: 15,
        compare: true,
        label: 'last 2 hours',
      },
    ],
    [
      'show last 2h mail flow',
      { start: '2026-11-27T08:05', end: '2026-11-27T10:05', interval: 5, label: 'last 2 hours' },
    ],
    [
      'SHOW Mail Flow LAST 2H',
      { start: '2026-11-27T08:05', end: '2026-11-27T10:05', interval: 5, label: 'last 2 hours' },
    ],
    [
      '/show  `mail flow`  last  2h',
      { start: '2026-11-27T08:05', end: '2026-11-27T10:05', interval: 5, label: 'last 2 hours' },
    ],
  ];
  for (const [text, expected] of utc) {
    it(`UTC: ${text}`, () => {
      const got = show(text);
      assert.deepEqual(
        { ...got, fn: expected.fn ?? got.fn },
        { fn: expected.fn ?? got.fn, compare: false, ...expected },
      );
      assert.equal(got.fn, MAIL);
    });
  }

  it('reads friendly times in the user time zone and labels the window there', () => {
    assert.deepEqual(show('show udp since 08:00', 'Europe/Berlin'), {
      fn: 'getAudioStreamsOverUdpMetricsForTeams',
      start: '2026-11-27T07:00',
      end: '2026-11-27T10:05',
      interval: 5,
      compare: false,
      label: 'since 2026-11-27 08:00 Europe/Berlin',
    });
    const ny = show('show udp yesterday', 'America/New_York');
    assert.deepEqual(
      [ny.start, ny.end, ny.label],
      ['2026-11-26T05:00', '2026-11-27T05:00', 'yesterday (America/New_York)'],
    );
    const nySince = show('show udp since 8am', 'America/New_York'); // 05:07 there: the latest 08:00 was yesterday
    assert.deepEqual(
      [nySince.start, nySince.label],
      ['2026-11-26T13:00', 'since 2026-11-26 08:00 America/New_York'],
    );
    const utcClock = show('show udp since 08:00 utc', 'America/New_York');
    assert.deepEqual([utcClock.start, utcClock.label], ['2026-11-27T08:00', 'since 2026-11-27 08:00 UTC']);
    const kathmandu = show('show udp since 08:00', 'Asia/Kathmandu');
    assert.deepEqual([kathmandu.start, kathmandu.interval], ['2026-11-27T02:15', 15]);
  });

  it('handles the DST change days: gaps, repeats and 23- and 25-hour days', () => {
    const spring = new Date('2026-03-29T10:07:00Z');
    const gap = show('show udp since 02:30', 'Europe/Berlin', spring);
    assert.deepEqual([gap.start, gap.label], ['2026-03-29T01:30', 'since 2026-03-29 03:30 Europe/Berlin']);
    const today = show('show udp today', 'Europe/Berlin', spring);
    assert.equal(today.start, '2026-03-28T23:00');
    const fall = new Date('2026-10-26T10:07:00Z');
    const long = show('show udp yesterday', 'Europe/Berlin', fall);
    assert.deepEqual([long.start, long.end], ['2026-10-24T22:00', '2026-10-25T23:00']);
    const overnight = show(
      'show udp yesterday 23:00 to 03:00',
      'Europe/Berlin',
      new Date('2026-10-25T10:07:00Z'),
    );
    assert.deepEqual([overnight.start, overnight.end], ['2026-10-24T21:00', '2026-10-25T02:00']);
    const ny = show(
      'show udp yesterday 01:30 to 03:30',
      'America/New_York',
      new Date('2026-03-09T12:00:00Z'),
    );
    assert.deepEqual([ny.start, ny.end], ['2026-03-08T06:30', '2026-03-08T07:30']);
  });

  it('chooses 5 minutes up to 6 hours, 15 up to 3 days, then 30', () => {
    const h = 3_600_000;
    assert.deepEqual(
      [1, 6, 6.01, 72, 72.01, 720].map((n) => defaultInterval(n * h)),
      [5, 5, 15, 15, 30, 30],
    );
  });

  it('accepts Graph function names and ids for the metric', () => {
    assert.equal(
      show('show getMetricsForNetworkAccessRemoteNetworkBranchesBGPConnected').fn,
      'getMetricsForNetworkAccessRemoteNetworkBranchesBGPConnected',
    );
    assert.equal(
      show('show gsa-bgp-connected').fn,
      'getMetricsForNetworkAccessRemoteNetworkBranchesBGPConnected',
    );
    assert.equal(show('show mfa failures').fn, 'getMetricsForMfaSignInFailure');
    assert.equal(show('show meeting joins').fn, 'getUsageMetricsForTeamsByMeetingsJoined');
    assert.equal(show('show mial delivery last 2h').fn, MAIL);
  });
});
