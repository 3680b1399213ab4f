import assert from 'node:assert/strict';
import { validateWindow, type WindowPart, type StartPolicy } from '../../src/domain/window';

const NOW = Date.parse('2024-10-02T12:07:30Z');
const DAY = 86_400_000;
const d = (iso: string) => new Date(iso);

describe('graph/window', () => {
  describe('accepted windows', () => {
    const cases: Array<{
      name: string;
      start: string;
      end: string;
      interval: number;
      policy?: StartPolicy;
      want: [string, string];
      note?: RegExp;
    }> = [
      {
        name: 'aligned window is unchanged, no notes',
        start: '2024-10-02T10:30:00Z',
        end: '2024-10-02T11:00:00Z',
        interval: 15,
        want: ['2024-10-02T10:30:00.000Z', '2024-10-02T11:00:00.000Z'],
      },
      {
        name: 'unaligned bounds are widened to bucket boundaries, with a note',
        start: '2024-10-02T10:37:00Z',
        end: '2024-10-02T11:02:00Z',
        interval: 15,
        want: ['2024-10-02T10:30:00.000Z', '2024-10-02T11:15:00.000Z'],
        note: /Aligned the window to 15-minute buckets: 2024-10-02 10:30 UTC to 2024-10-02 11:15 UTC \(asked for 2024-10-02 10:37 UTC/,
      },
      {
        name: 'the docs example end 10:59:59 is aligned up to 11:00 at 10 minutes',
        start: '2024-10-02T10:30:00Z',
        end: '2024-10-02T10:59:59Z',
        interval: 10,
        want: ['2024-10-02T10:30:00.000Z', '2024-10-02T11:00:00.000Z'],
        note: /10-minute buckets/,
      },
      {
        name: 'end = now is allowed: it aligns to the end of the current bucket',
        start: '2024-10-02T11:00:00Z',
        end: '2024-10-02T12:07:30Z',
        interval: 5,
        want: ['2024-10-02T11:00:00.000Z', '2024-10-02T12:10:00.000Z'],
        note: /to 2024-10-02 12:10 UTC/,
      },
      {
        name: 'a start 31 days back is clamped to the earliest aligned start, with a note',
        start: '2024-09-01T12:00:00Z',
        end: '2024-09-05T00:00:00Z',
        interval: 30,
        policy: 'clamp',
        want: ['2024-09-02T12:30:00.000Z', '2024-09-05T00:00:00.000Z'],
        note: /keeps 30 days of monitoring data, so the window starts at 2024-09-02 12:30 UTC instead of 2024-09-01 12:00 UTC/,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = validateWindow(
          { start: d(c.start), end: d(c.end), intervalMinutes: c.interval },
          { now: NOW, startPolicy: c.policy ?? 'refuse' },
        );
        assert.ok(r.ok, r.ok ? '' : r.error.message);
        assert.deepEqual([r.window.start.toISOString(), r.window.end.toISOString()], c.want);
        assert.equal(r.window.intervalMinutes, c.interval);
        if (c.note)
          assert.ok(
            r.window.notes.some((n) => c.note!.test(n)),
            r.window.notes.join(' | '),
          );
        else assert.deepEqual(r.window.notes, []);
      });
    }
  });

  describe('refused windows name the wrong part and give a correct example', () => {
    const cases: Array<{
      name: string;
      start: string | Date;
      end: string | Date;
      interval: number;
      policy?: StartPolicy;
      part: WindowPart;
      message: RegExp;
    }> = [
      {
        name: 'interval 7',
        start: '2024-10-02T10:00:00Z',
        end: '2024-10-02T11:00:00Z',
        interval: 7,
        part: 'interval',
        message: /interval must be 5, 10, 15 or 30 minutes; got 7\. Example: 15 minutes\./,
      },
      {
        name: 'interval 60',
        start: '2024-10-02T10:00:00Z',
        end: '2024-10-02T11:00:00Z',
        interval: 60,
        part: 'interval',
        message: /got 60/,
      },
      {
        name: 'end before start',
        start: '2024-10-02T11:00:00Z',
        end: '2024-10-02T10:00:00Z',
        interval: 15,
        part: 'end',
        message: /The end \(2024-10-02 10:00 UTC\) must be after the start \(2024-10-02 11:00 UTC\)/,
      },
      {
        name: 'end equal to start',
        start: '2024-10-02T11:00:00Z',
        end: '2024-10-02T11:00:00Z',
        interval: 15,
        part: 'end',
        message: /must be after the start/,
      },
      {
        name: 'invalid start',
        start: new Date('x'),
        end: '2024-10-02T11:00:00Z',
        interval: 15,
        part: 'start',
        message: /start is not a valid date/,
      },
      {
        name: 'invalid end',
        start: '2024-10-02T11:00:00Z',
        end: new Date('x'),
        interval: 15,
        part: 'end',
        message: /end is not a valid date/,
      },
      {
        name: 'end beyond the current bucket',
        start: '2024-10-02T11:00:00Z',
        end: '2024-10-02T13:00:00Z',
        interval: 15,
        part: 'end',
        message:
          /in the future; the latest end is 2024-10-02 12:15 UTC, the end of the current 15-minute bucket/,
      },
      {
        name: 'start in the future',
        start: '2024-10-02T13:00:00Z',
        end: '2024-10-02T14:00:00Z',
        interval: 15,
        part: 'start',
        message: /start \(2024-10-02 13:00 UTC\) is in the future/,
      },
      {
        name: 'start older than 30 days with refuse',
        start: '2024-09-01T12:00:00Z',
        end: '2024-09-05T00:00:00Z',
        interval: 30,
        part: 'start',
        message:
          /more than 30 days ago; Microsoft Graph keeps 30 days of monitoring data\. The earliest start now is 2024-09-02 12:30 UTC/,
      },
      {
        name: 'whole window older than 30 days with clamp',
        start: '2024-08-01T00:00:00Z',
        end: '2024-08-02T00:00:00Z',
        interval: 15,
        policy: 'clamp',
        part: 'start',
        message: /whole window .* is more than 30 days ago/,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = validateWindow(
          {
            start: typeof c.start === 'string' ? d(c.start) : c.start,
            end: typeof c.end === 'string' ? d(c.end) : c.end,
            intervalMinutes: c.interval,
          },
          { now: NOW, startPolicy: c.policy ?? 'refuse' },
        );
        assert.equal(r.ok, false);
        if (r.ok) return;
        assert.equal(r.error.part, c.part);
        assert.equal(r.error.kind, 'InvalidWindow');
        assert.match(r.error.message, c.message);
        assert.match(r.error.message, /Example: /);
      });
    }

    it('the example in an error is itself a valid window', () => {
      const r = validateWindow(
        { start: d('2024-10-02T11:00:00Z'), end: d('2024-10-02T10:00:00Z'), intervalMinutes: 15 },
        { now: NOW, startPolicy: 'refuse' },
      );
      assert.equal(r.ok, false);
      if (r.ok) return;
      const m = /start (\S+ \S+) UTC, end (\S+ \S+) UTC, interval (\d+)/.exec(r.error.example);
      assert.ok(m, r.error.example);
      const again = validateWindow(
        {
          start: new Date(`${m[1].replace(' ', 'T')}:00Z`),
          end: new Date(`${m[2].replace(' ', 'T')}:00Z`),
          intervalMinutes: Number(m[3]),
        },
        { now: NOW, startPolicy: 'refuse' },
      );
      assert.ok(again.ok);
      assert.deepEqual(again.window.notes, []);
    });
  });

  it('a start exactly 30 days back is refused in refuse mode (the safety margin), kept in clamp mode', () => {
    const start = new Date(NOW - 30 * DAY);
    const req = { start, end: new Date(NOW - 29 * DAY), intervalMinutes: 5 };
    assert.equal(validateWindow(req, { now: NOW, startPolicy: 'refuse' }).ok, false);
    const clamped = validateWindow(req, { now: NOW, startPolicy: 'clamp' });
    assert.ok(clamped.ok);
    assert.ok(clamped.window.start.getTime() >= NOW - 30 * DAY + 60_000);
    assert.equal(clamped.window.start.getTime() % 300_000, 0);
  });
});
