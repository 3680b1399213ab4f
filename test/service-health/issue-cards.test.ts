import assert from 'node:assert/strict';
import {
  expiredRecords,
  issueVersion,
  mergeAudiences,
  openIssuesOfGroup,
  planIssueCards,
  recordSent,
  type IssueAudience,
  type IssueCardRecord,
} from '../../src/service-health/issue-cards';
import type { HealthIssue } from '../../src/service-health/types';

function issue(over: Partial<HealthIssue> = {}): HealthIssue {
  return {
    id: 'EX100001',
    title: 'Mail is delayed',
    service: 'Exchange Online',
    classification: 'incident',
    status: 'investigating',
    isResolved: false,
    impactDescription: '',
    startDateTime: '2026-12-04T09:00:00.000Z',
    lastModifiedDateTime: '2026-12-04T09:10:00.000Z',
    posts: [{ createdAt: '2026-12-04T09:10:00.000Z', type: 'quick', text: 'Investigating.' }],
    ...over,
  };
}

const A = 'chan-a';
const B = 'chan-b';
const exchange = (conversationId: string, over: Partial<IssueAudience> = {}): IssueAudience => ({
  conversationId,
  groups: ['exchange'],
  incidents: true,
  advisories: false,
  ...over,
});
const sentTo = (i: HealthIssue, ...conversations: string[]): Map<string, IssueCardRecord> =>
  new Map([[i.id, recordSent(undefined, i.id, conversations, issueVersion(i), '2026-12-04T09:10:00Z')]]);
const plan = (issues: HealthIssue[], records: Map<string, IssueCardRecord>, audiences: IssueAudience[]) =>
  planIssueCards(issues, records, audiences).map((p) => [p.issue.id, p.post, p.update]);

describe('planIssueCards: which Microsoft issues become which cards (pure)', () => {
  const open = issue();
  const posted = issue({
    lastModifiedDateTime: '2026-12-04T09:40:00.000Z',
    status: 'serviceDegradation',
    posts: [...open.posts, { createdAt: '2026-12-04T09:40:00.000Z', type: 'regular', text: 'Cause found.' }],
  });
  const resolved = issue({
    ...posted,
    lastModifiedDateTime: '2026-12-04T11:00:00.000Z',
    status: 'serviceRestored',
    isResolved: true,
  });
  const advisory = issue({ id: 'EX100002', classification: 'advisory' });
  const teams = issue({ id: 'TM100003', service: 'Microsoft Teams' });
  const intune = issue({ id: 'IT100004', service: 'Microsoft Intune' });
  const suite = issue({ id: 'MO100005', service: 'Microsoft 365 suite' });

  const table: [string, HealthIssue[], Map<string, IssueCardRecord>, IssueAudience[], unknown[]][] = [
    [
      'a new open incident: one card per subscribed conversation',
      [open],
      new Map(),
      [exchange(A), exchange(B)],
      [['EX100001', [A, B], []]],
    ],
    [
      'the same version again (restart, second instance): nothing',
      [open],
      sentTo(open, A, B),
      [exchange(A), exchange(B)],
      [],
    ],
    [
      'a new post: the card is updated in place',
      [posted],
      sentTo(open, A),
      [exchange(A)],
      [['EX100001', [], [A]]],
    ],
    ['resolved: updated in place', [resolved], sentTo(posted, A), [exchange(A)], [['EX100001', [], [A]]]],
    ['resolved before any card: never posted (history)', [resolved], new Map(), [exchange(A)], []],
    [
      'a conversation that subscribed later gets the open issue; the first one is up to date',
      [open],
      sentTo(open, A),
      [exchange(A), exchange(B)],
      [['EX100001', [B], []]],
    ],
    [
      'advisories are opt-in',
      [advisory],
      new Map(),
      [exchange(A), exchange(B, { advisories: true })],
      [['EX100002', [B], []]],
    ],
    ['incidents turned off: nothing', [open], new Map(), [exchange(A, { incidents: false })], []],
    [
      'other services: only their subscribers',
      [open, teams],
      new Map(),
      [exchange(A), { ...exchange(B), groups: ['teams'] }],
      [
        ['EX100001', [A], []],
        ['TM100003', [B], []],
      ],
    ],
    [
      'a service without telemetry: only `all` subscriptions',
      [intune],
      new Map(),
      [exchange(A), { ...exchange(B), groups: 'all' }],
      [['IT100004', [B], []]],
    ],
    [
      'the Microsoft 365 suite: every group',
      [suite],
      new Map(),
      [exchange(A), { ...exchange(B), groups: ['teams'] }],
      [['MO100005', [A, B], []]],
    ],
    [
      'two subscriptions of one conversation: one card',
      [open],
      new Map(),
      [exchange(A), { ...exchange(A), groups: ['exchange', 'teams'] }],
      [['EX100001', [A], []]],
    ],
    [
      'an advisory that became an incident: posted where only incidents are wanted, updated where it was',
      [issue({ ...advisory, classification: 'incident', lastModifiedDateTime: '2026-12-04T10:00:00.000Z' })],
      sentTo(advisory, B),
      [exchange(A), exchange(B, { advisories: true })],
      [['EX100002', [A], [B]]],
    ],
    [
      'an incident that became an advisory keeps its card current where advisories are not wanted',
      [issue({ classification: 'advisory', lastModifiedDateTime: '2026-12-04T10:00:00.000Z' })],
      sentTo(open, A),
      [exchange(A)],
      [['EX100001', [], [A]]],
    ],
    [
      'unsubscribed from the service: no update',
      [posted],
      sentTo(open, A),
      [{ ...exchange(A), groups: ['teams'] }],
      [],
    ],
  ];
  for (const [name, issues, records, audiences, expected] of table)
    it(name, () => assert.deepEqual(plan(issues, records, audiences), expected));

  it('a version changes with lastModifiedDateTime, and with status, resolution or posts when that did not move', () => {
    const v = issueVersion(open);
    assert.notEqual(issueVersion({ ...open, lastModifiedDateTime: '2026-12-04T09:11:00.000Z' }), v);
    assert.notEqual(issueVersion({ ...open, status: 'serviceDegradation' }), v);
    assert.notEqual(issueVersion({ ...open, isResolved: true }), v);
    assert.notEqual(issueVersion({ ...open, posts: [] }), v);
    assert.equal(issueVersion({ ...open, title: 'Edited title' }), v);
  });

  it('mergeAudiences: one per conversation, the union of groups and kinds; all-off subscriptions drop out', () => {
    assert.deepEqual(
      mergeAudiences([
        exchange(A),
        { ...exchange(A), groups: ['teams'], advisories: true },
        exchange(B, { incidents: false }),
      ]),
      [{ conversationId: A, groups: ['exchange', 'teams'], incidents: true, advisories: true }],
    );
  });

  it('recordSent merges conversations; expiredRecords keeps records of listed issues and recent ones', () => {
    const r = recordSent(recordSent(undefined, 'X', [A], 'v1', 't1'), 'X', [B], 'v2', 't2');
    assert.deepEqual(r, { issueId: 'X', sent: { [A]: 'v1', [B]: 'v2' }, updatedAt: 't2' });
    const now = Date.parse('2026-12-04T12:00:00Z');
    const day = 86_400_000;
    const records = new Map<string, IssueCardRecord>([
      ['OLD', { issueId: 'OLD', sent: {}, updatedAt: new Date(now - 41 * day).toISOString() }],
      ['LISTED', { issueId: 'LISTED', sent: {}, updatedAt: new Date(now - 41 * day).toISOString() }],
      ['RECENT', { issueId: 'RECENT', sent: {}, updatedAt: new Date(now - 2 * day).toISOString() }],
    ]);
    const known = new Map([['LISTED', issue({ id: 'LISTED' })]]);
    assert.deepEqual(expiredRecords(records, known, now, 40 * day), ['OLD']);
  });

  it('openIssuesOfGroup: open issues on the group, incidents first, then the newest', () => {
    const older = issue({ id: 'EX1', lastModifiedDateTime: '2026-12-04T08:00:00.000Z' });
    const newer = issue({ id: 'EX2', lastModifiedDateTime: '2026-12-04T10:00:00.000Z' });
    const adv = issue({
      id: 'EX3',
      classification: 'advisory',
      lastModifiedDateTime: '2026-12-04T11:00:00.000Z',
    });
    const closed = issue({ id: 'EX4', isResolved: true });
    assert.deepEqual(
      openIssuesOfGroup([adv, older, closed, newer, teams, suite], 'exchange').map((i) => i.id),
      ['EX2', 'MO100005', 'EX1', 'EX3'],
    );
  });
});
