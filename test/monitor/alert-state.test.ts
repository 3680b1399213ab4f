import assert from 'node:assert/strict';
import { transition } from '../../src/monitor/alert-state';
import type { AlertEvent } from '../../src/monitor/alert-events';
import {
  ANA,
  BO,
  KEY,
  MUTE,
  at,
  checkRow,
  ev,
  firing,
  acknowledged,
  snoozed,
  muted,
  resolved,
  manuallyResolved,
  kinds,
  play,
  type Row,
} from './lifecycle-table';

const rows: Row[] = [
  // Evaluations without an open incident.
  {
    name: 'a breach opens an incident and posts its card',
    from: () => undefined,
    event: ev('breach'),
    min: 0,
    state: 'firing',
    effect: 'post-card',
    check: (i) => {
      assert.deepEqual(
        [i!.key, i!.id, i!.occurrence, i!.version, i!.cardPosted],
        [KEY, `${KEY}#1`, 1, 1, true],
      );
      assert.deepEqual(
        [i!.openedAt, i!.lastBreachAt, i!.value, i!.baseline],
        ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z', 400, 1000],
      );
      assert.deepEqual(i!.history, [
        { at: '2026-11-24T10:00:00Z', action: 'opened', note: 'evaluator says breach' },
      ]);
    },
  },
  {
    name: 'healthy with no incident',
    from: () => undefined,
    event: ev('healthy'),
    min: 0,
    state: undefined,
    effect: 'none',
  },
  {
    name: 'no data with no incident',
    from: () => undefined,
    event: ev('no-data'),
    min: 0,
    state: undefined,
    effect: 'none',
  },
  {
    name: 'a muted rule opens an incident without a card',
    from: () => undefined,
    event: ev('breach', { muted: MUTE }),
    min: 0,
    state: 'firing',
    effect: 'none',
    reason: /rule muted by Bo Chen/,
    check: (i) => assert.deepEqual([i!.cardPosted, i!.muted], [false, MUTE]),
  },
  // Evaluations on an open incident.
  {
    name: 'the same breach again changes no card (dedup)',
    from: firing,
    event: ev('breach'),
    min: 5,
    state: 'firing',
    effect: 'none',
    reason: /nothing changed/,
    check: (i, b) =>
      assert.deepEqual([i!.lastBreachAt, i!.version, i!.id], ['2026-11-24T10:05:00Z', b!.version + 1, b!.id]),
  },
  {
    name: 'new values update the card',
    from: firing,
    event: ev('breach', { value: 380 }),
    min: 5,
    state: 'firing',
    effect: 'update-card',
    check: (i) => assert.equal(i!.value, 380),
  },
  {
    name: 'healthy resolves a firing incident',
    from: firing,
    event: ev('healthy'),
    min: 5,
    state: 'resolved',
    effect: 'update-card',
    check: (i) =>
      assert.deepEqual(
        [i!.resolvedAt, i!.resolvedBy, i!.history.at(-1)!.action],
        ['2026-11-24T10:05:00Z', undefined, 'resolved'],
      ),
  },
  {
    name: 'no data holds a firing incident',
    from: firing,
    event: ev('no-data'),
    min: 5,
    state: 'firing',
    effect: 'none',
    reason: /no data: state held/,
    check: (i, b) => assert.equal(i, b),
  },
  {
    name: 'an acknowledged incident takes new values',
    from: acknowledged,
    event: ev('breach', { value: 380 }),
    min: 5,
    state: 'acknowledged',
    effect: 'update-card',
  },
  {
    name: 'healthy resolves an acknowledged incident',
    from: acknowledged,
    event: ev('healthy'),
    min: 5,
    state: 'resolved',
    effect: 'update-card',
  },
  {
    name: 'a snoozed incident records new values without touching the card',
    from: () => snoozed(60),
    event: ev('breach', { value: 380 }),
    min: 30,
    state: 'snoozed',
    effect: 'none',
    reason: /snoozed until 2026-11-24T11:02:00Z/,
    check: (i) => assert.equal(i!.value, 380),
  },
  {
    name: 'healthy resolves a snoozed incident',
    from: () => snoozed(60),
    event: ev('healthy'),
    min: 30,
    state: 'resolved',
    effect: 'update-card',
  },
  {
    name: 'no data keeps a snoozed incident snoozed',
    from: () => snoozed(60),
    event: ev('no-data'),
    min: 30,
    state: 'snoozed',
    effect: 'none',
  },
  {
    name: 'still breaching when the snooze ends: firing again',
    from: () => snoozed(60),
    event: ev('breach'),
    min: 62,
    state: 'firing',
    effect: 'update-card',
    check: (i) => {
      assert.deepEqual(i!.history.at(-1), {
        at: '2026-11-24T11:02:00Z',
        action: 'snooze-ended',
        note: 'still breaching when the snooze ended',
      });
      assert.equal(i!.ackBy, ANA, 'who acknowledged stays on record');
    },
  },
  {
    name: 'no data when the snooze ends: firing again',
    from: () => snoozed(60),
    event: ev('no-data'),
    min: 70,
    state: 'firing',
    effect: 'update-card',
  },
  // Mute via the rule.
  {
    name: 'a muted rule changes values silently',
    from: muted,
    event: ev('breach', { muted: MUTE, value: 300 }),
    min: 5,
    state: 'firing',
    effect: 'none',
    reason: /rule muted by Bo Chen/,
    check: (i) => assert.equal(i!.value, 300),
  },
  {
    name: 'a muted rule resolves silently',
    from: muted,
    event: ev('healthy', { muted: MUTE }),
    min: 5,
    state: 'resolved',
    effect: 'none',
    reason: /muted/,
  },
  {
    name: 'muting the rule is recorded without a card effect',
    from: firing,
    event: ev('breach', { muted: MUTE }),
    min: 5,
    state: 'firing',
    effect: 'none',
    check: (i) =>
      assert.deepEqual([i!.muted, i!.history.at(-1)!.action, i!.history.at(-1)!.by], [MUTE, 'muted', BO]),
  },
  {
    name: 'unmuting the rule refreshes the card',
    from: muted,
    event: ev('breach', { value: 300 }),
    min: 5,
    state: 'firing',
    effect: 'update-card',
    check: (i) => assert.equal(i!.muted, undefined),
  },
  {
    name: 'unmuting posts the card an incident opened while muted never had',
    from: () => transition(undefined, ev('breach', { muted: MUTE }), at(0)).incident,
    event: ev('breach'),
    min: 5,
    state: 'firing',
    effect: 'post-card',
    check: (i) => assert.equal(i!.cardPosted, true),
  },
  // Resolved incidents.
  {
    name: 'a breach after a resolve opens the next occurrence',
    from: resolved,
    event: ev('breach'),
    min: 30,
    state: 'firing',
    effect: 'post-card',
    check: (i, b) => {
      assert.deepEqual([i!.key, i!.id, i!.occurrence, i!.version], [b!.key, `${KEY}#2`, 2, 1]);
      assert.equal(i!.openedAt, '2026-11-24T10:30:00Z');
    },
  },
  {
    name: 'healthy after a resolve',
    from: resolved,
    event: ev('healthy'),
    min: 30,
    state: 'resolved',
    effect: 'none',
  },
  {
    name: 'resolved by hand while breaching: no new card for the same episode',
    from: manuallyResolved,
    event: ev('breach'),
    min: 10,
    state: 'resolved',
    effect: 'none',
    reason: /waiting for recovery/,
  },
  {
    name: 'resolved by hand, then recovered',
    from: manuallyResolved,
    event: ev('healthy'),
    min: 10,
    state: 'resolved',
    effect: 'none',
    check: (i) => assert.equal(i!.awaitingRecovery, false),
  },
];

describe('alert lifecycle: evaluations', () => {
  for (const row of rows) it(row.name, () => checkRow(row));
});

describe('alert lifecycle: sequences', () => {
  it('posts one card for an ongoing incident however many cycles it breaches', () => {
    const steps: [number, AlertEvent][] = Array.from({ length: 24 }, (_, i) => [
      i * 5,
      ev('breach', { value: 400 + (i % 3) }),
    ]);
    const { effects } = play(steps);
    assert.equal(effects.flat().filter((e) => e.kind === 'post-card').length, 1);
  });

  it('re-opens after a resolve as a new occurrence with a new card, never reusing the old one', () => {
    const { effects, incident } = play([
      [0, ev('breach')],
      [5, ev('healthy')],
      [10, ev('breach')],
      [15, ev('healthy')],
      [20, ev('breach')],
    ]);
    assert.deepEqual(effects.map(kinds), [
      'post-card',
      'update-card',
      'post-card',
      'update-card',
      'post-card',
    ]);
    assert.equal(incident!.id, `${KEY}#3`);
  });

  it('re-arms a hand-resolved incident only after the rule recovers', () => {
    const { effects, incident } = play([
      [0, ev('breach')],
      [2, { type: 'resolve', by: ANA }],
      [5, ev('breach')],
      [10, ev('no-data')],
      [15, ev('breach')],
      [20, ev('healthy')],
      [25, ev('breach')],
    ]);
    assert.deepEqual(effects.map(kinds), [
      'post-card',
      'update-card',
      'none',
      'none',
      'none',
      'none',
      'post-card',
    ]);
    assert.equal(incident!.occurrence, 2);
  });

  it('snooze, expiry while breaching, acknowledge, recovery', () => {
    const { effects, incident } = play([
      [0, ev('breach')],
      [1, { type: 'snooze', by: ANA, minutes: 60 }],
      [30, ev('breach', { value: 390 })],
      [61, ev('breach', { value: 380 })],
      [62, { type: 'acknowledge', by: BO }],
      [90, ev('healthy')],
    ]);
    assert.deepEqual(effects.map(kinds), [
      'post-card',
      'update-card',
      'none',
      'update-card',
      'update-card',
      'update-card',
    ]);
    assert.deepEqual(
      incident!.history.map((h) => `${h.action}${h.by ? ` by ${h.by.name}` : ''}`),
      ['opened', 'snoozed by Ana Lopez', 'snooze-ended', 'acknowledged by Bo Chen', 'resolved'],
    );
    assert.equal(incident!.version, 7);
  });

  it('refuses an evaluation of another rule', () => {
    assert.throws(
      () => transition(firing(), ev('breach', { ruleId: 'custom:x' }), at(5)),
      /event for contoso\|custom:x\|.* applied to contoso\|default:mail-delivery/,
    );
  });
});
