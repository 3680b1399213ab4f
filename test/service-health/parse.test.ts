import assert from 'node:assert/strict';
import { htmlToText } from '../../src/service-health/html-text';
import { mergeIssues, recordStatus } from '../../src/service-health/merge';
import { parseIssue, parseMessage, parseOverview } from '../../src/service-health/parse';
import { statusLabel } from '../../src/service-health/statuses';

const DOC_ISSUE = {
  id: 'EX123456',
  title: "Users can't send mail",
  impactDescription: 'Users may be unable to send mail.',
  classification: 'Incident',
  origin: 'microsoft',
  status: 'ServiceRestored',
  service: 'Exchange Online',
  feature: 'Mail flow',
  featureGroup: 'E-Mail timely delivery',
  isResolved: true,
  highImpact: null,
  details: [],
  startDateTime: '2026-08-01T08:00:00Z',
  endDateTime: '2026-08-01T11:30:00Z',
  lastModifiedDateTime: '2026-08-01T11:42:10.1234567Z',
  posts: [
    {
      createdDateTime: '2026-08-01T11:40:00Z',
      postType: 'quick',
      description: { contentType: 'html', content: 'Resolved.' },
    },
    {
      createdDateTime: '2026-08-01T08:20:00Z',
      postType: 'regular',
      description: {
        contentType: 'html',
        content: '<p>Title: Mail &amp; more</p><p>User impact: x<br>y</p>',
      },
    },
  ],
};

describe('service health parsing (documented shapes, defensive)', () => {
  it('reads the documented issue; PascalCase enums (doc samples) become camelCase; posts oldest first, as text', () => {
    const i = parseIssue(DOC_ISSUE)!;
    assert.equal(i.classification, 'incident');
    assert.equal(i.status, 'serviceRestored');
    assert.equal(i.lastModifiedDateTime, '2026-08-01T11:42:10.123Z');
    assert.deepEqual(
      i.posts.map((p) => [p.type, p.text]),
      [
        ['regular', 'Title: Mail & more\nUser impact: x\ny'],
        ['quick', 'Resolved.'],
      ],
    );
  });

  it('skips an item without id, service or dates instead of failing the page; unknown enums read as unknown', () => {
    assert.equal(parseIssue({ ...DOC_ISSUE, id: undefined }), undefined);
    assert.equal(parseIssue({ ...DOC_ISSUE, lastModifiedDateTime: 'yesterday' }), undefined);
    assert.equal(
      parseIssue({ ...DOC_ISSUE, classification: 'unknownFutureValue' })!.classification,
      'unknown',
    );
    assert.equal(parseIssue({ ...DOC_ISSUE, status: 'somethingNew' })!.status, 'somethingNew');
    assert.equal(statusLabel('somethingNew'), 'somethingNew');
    assert.equal(
      parseOverview({ id: 'Exchange', service: 'Exchange Online', status: 'ServiceDegradation' })!.status,
      'serviceDegradation',
    );
  });

  it('reads a message: act-by date, major change, HTML body as text, viewpoint only when present', () => {
    const m = parseMessage({
      id: 'MC123456',
      title: 'New Teams feature',
      category: 'planForChange',
      severity: 'normal',
      tags: ['New feature'],
      isMajorChange: true,
      actionRequiredByDateTime: '2026-09-01T00:00:00Z',
      services: ['Microsoft Teams'],
      hasAttachments: false,
      startDateTime: '2026-07-20T00:00:00Z',
      viewPoint: null,
      body: {
        contentType: 'html',
        content: '<ul><li>One</li><li>Two &lt;b&gt;</li></ul><script>x()</script>',
      },
      lastModifiedDateTime: '2026-08-02T19:33:45Z',
    })!;
    assert.equal(m.actionRequiredBy, '2026-09-01T00:00:00.000Z');
    assert.equal(m.isMajorChange, true);
    assert.equal(m.text, '• One\n• Two <b>');
    assert.equal('isRead' in m, false);
  });

  it('htmlToText decodes numeric entities and collapses blank space', () => {
    assert.equal(
      htmlToText('<div>A&#8217;s&nbsp;&nbsp; <b>bold</b></div>\n\n\n<p>next</p>'),
      'A’s bold\nnext',
    );
  });

  it('merge: same version is no change; a stale older version never replaces a newer one; status history dedupes', () => {
    const v1 = parseIssue(DOC_ISSUE)!;
    const v0 = {
      ...v1,
      lastModifiedDateTime: '2026-08-01T10:00:00.000Z',
      status: 'investigating',
      posts: v1.posts.slice(0, 1),
    };
    const known = new Map([[v1.id, v1]]);
    assert.deepEqual(mergeIssues(known, [{ ...v1 }], false).changes, []);
    const stale = mergeIssues(known, [v0], false);
    assert.deepEqual(stale.changes, []);
    assert.equal(stale.issues.get(v1.id), v1);
    const grown = mergeIssues(new Map([[v0.id, v0]]), [v1], false);
    assert.deepEqual(grown.changes[0].kinds, ['post', 'status']);
    const full = mergeIssues(known, [], true);
    assert.deepEqual(full.dropped, [v1.id]);
    const h = recordStatus(recordStatus([], v0), v0);
    assert.deepEqual(
      recordStatus(h, v1).map((c) => c.status),
      ['investigating', 'serviceRestored'],
    );
  });
});
