import { fnv1a, FNV1A_OFFSET_BASIS } from '../../domain/fnv1a';
/** One update Microsoft posts on an issue, timed against the scenario that caused it. */
export interface ScriptedPost {
  /** Minutes after the scenario starts (impact begins), or after it ends when `afterEnd` is set. */
  minutes: number;
  afterEnd?: boolean;
  /** The issue's status once this post is published. */
  status: string;
  postType?: 'regular' | 'quick' | 'strategic';
  /** Current status paragraph; the simulator adds the Title / User impact / Next update lines. */
  text: string;
  /** This post closes the issue (`isResolved`, `endDateTime`). */
  resolves?: boolean;
}

/** How Microsoft reports a scenario in service health: the issue's fixed fields and its posts over time. */
export interface IssueScript {
  /** Id prefix Microsoft uses for the service: EX, TM, SP, OD, OF, MO, IT … */
  prefix: string;
  /** serviceHealth `service` name, exactly as `healthOverviews` lists it. */
  service: string;
  feature: string;
  featureGroup: string;
  classification: 'incident' | 'advisory';
  title: string;
  impactDescription: string;
  posts: readonly ScriptedPost[];
}

/** A Microsoft issue the simulator serves, tied to the scenario (or history entry) that produced it. */
export interface SimIssue {
  id: string;
  script: IssueScript;
  /** When impact began (the issue's `startDateTime`), epoch ms. */
  startsAt: number;
  /** When impact ended; moved earlier when the scenario is stopped. */
  endsAt: number;
  /** Only this tenant sees it; default every tenant. */
  tenantId?: string;
  scenarioId?: string;
}

const NEXT_UPDATE_MINUTES = 60;

function postTime(issue: SimIssue, post: ScriptedPost): number {
  return (post.afterEnd ? issue.endsAt : issue.startsAt) + post.minutes * 60_000;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Graph's usual post body: Title / User impact / Current status / Next update by, as HTML. */
function postHtml(issue: SimIssue, post: ScriptedPost, at: number): string {
  const lines = [
    `Title: ${issue.script.title}`,
    `User impact: ${issue.script.impactDescription}`,
    `Current status: ${post.text}`,
  ];
  if (post.resolves)
    lines.push(`Scope of impact: Impact was specific to some users served by the affected infrastructure.`);
  else lines.push(`Next update by: ${new Date(at + NEXT_UPDATE_MINUTES * 60_000).toUTCString()}`);
  return lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
}

/**
 * The `serviceHealthIssue` JSON of an issue as Graph shows it at `nowMs`: only posts published by then, status of the
 * newest post, `lastModifiedDateTime` of the newest post. Undefined before Microsoft's first post.
 */
export function renderIssue(issue: SimIssue, nowMs: number): Record<string, unknown> | undefined {
  const published = issue.script.posts
    .map((p) => ({ post: p, at: postTime(issue, p) }))
    .filter((p) => p.at <= nowMs)
    .sort((a, b) => a.at - b.at);
  const last = published.at(-1);
  if (!last) return undefined;
  const resolved = published.some((p) => p.post.resolves);
  const s = issue.script;
  return {
    startDateTime: isoSeconds(issue.startsAt),
    endDateTime: resolved ? isoSeconds(issue.endsAt) : null,
    lastModifiedDateTime: isoSeconds(last.at),
    title: s.title,
    id: issue.id,
    impactDescription: s.impactDescription,
    classification: s.classification,
    origin: 'microsoft',
    status: last.post.status,
    service: s.service,
    feature: s.feature,
    featureGroup: s.featureGroup,
    isResolved: resolved,
    highImpact: null,
    details: [],
    posts: published.map(({ post, at }) => ({
      createdDateTime: isoSeconds(at),
      postType: post.postType ?? 'regular',
      description: { contentType: 'html', content: postHtml(issue, post, at) },
    })),
  };
}

/** A stable issue id from the scenario id, its start and the seed: `EX` + six digits. */
export function issueIdFor(prefix: string, key: string, seed: number): string {
  return `${prefix}${100000 + (fnv1a(key, FNV1A_OFFSET_BASIS ^ seed) % 900000)}`;
}
