/** `serviceHealthStatus` members in schema order, with the words the admin center shows for them. */
const STATUSES: readonly (readonly [string, string])[] = [
  ['serviceOperational', 'Healthy'],
  ['investigating', 'Investigating'],
  ['restoringService', 'Restoring service'],
  ['verifyingService', 'Verifying service'],
  ['serviceRestored', 'Service restored'],
  ['postIncidentReviewPublished', 'Post-incident report published'],
  ['serviceDegradation', 'Service degradation'],
  ['serviceInterruption', 'Service interruption'],
  ['extendedRecovery', 'Extended recovery'],
  ['falsePositive', 'False positive'],
  ['investigationSuspended', 'Investigation suspended'],
  ['resolved', 'Resolved'],
  ['mitigatedExternal', 'Mitigated (external)'],
  ['mitigated', 'Mitigated'],
  ['resolvedExternal', 'Resolved (external)'],
  ['confirmed', 'Confirmed'],
  ['reported', 'Reported'],
];

const byLower = new Map(STATUSES.map(([id, label]) => [id.toLowerCase(), { id, label }]));

/** The camelCase member for any casing Graph sends (docs show PascalCase, live answers camelCase); else as given. */
export function normaliseStatus(raw: string): string {
  return byLower.get(raw.toLowerCase())?.id ?? raw;
}

/** "Service degradation" for `serviceDegradation`; an unknown member is shown as Graph sent it. */
export function statusLabel(status: string): string {
  return byLower.get(status.toLowerCase())?.label ?? status;
}

/** Statuses that mean users are affected right now (drive a service's health state in `status`). */
export function isImpacting(status: string): boolean {
  return [
    'serviceDegradation',
    'serviceInterruption',
    'investigating',
    'restoringService',
    'extendedRecovery',
  ].includes(normaliseStatus(status));
}

const SEVERITY: Record<string, number> = {
  serviceInterruption: 5,
  serviceDegradation: 4,
  investigating: 3,
  restoringService: 3,
  extendedRecovery: 3,
  verifyingService: 2,
  serviceOperational: 0,
  serviceRestored: 0,
  resolved: 0,
  falsePositive: 0,
  postIncidentReviewPublished: 0,
};

/** How bad a status is for a service's health state: interruption 5, degradation 4 … operational 0, unknown 1. */
export function statusSeverity(status: string): number {
  return SEVERITY[normaliseStatus(status)] ?? 1;
}

/** Lower-cases the first letter and maps unknown members of a small enum to `unknown`. */
export function enumValue(raw: unknown, members: readonly string[]): string {
  if (typeof raw !== 'string') return 'unknown';
  return members.find((m) => m.toLowerCase() === raw.toLowerCase()) ?? 'unknown';
}
