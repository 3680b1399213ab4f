/**
 * Why a request body cannot be a Bot Framework activity, or undefined when it has what every turn needs
 * (teams-ai's turn state needs channelId, recipient.id, conversation.id and from.id; replies need serviceUrl).
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON activity object';
  const a = body as Record<string, unknown>;
  const has = (path: string) =>
    path
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        a,
      );
  for (const field of ['type', 'channelId', 'serviceUrl', 'conversation.id', 'from.id', 'recipient.id']) {
    const v = has(field);
    if (typeof v !== 'string' || v.length === 0) return `the activity has no ${field}`;
  }
  return undefined;
}
