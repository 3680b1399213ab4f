import { groupsOfHealthService } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { isImpacting, statusLabel } from '../service-health/statuses';
import type { HealthIssue, ServiceMessage } from '../service-health/types';

/** The link to an issue in the Microsoft 365 admin center's service health page. */
export function adminCenterIssueUrl(id: string): string {
  return `https://admin.microsoft.com/#/servicehealth/:/alerts/${encodeURIComponent(id)}`;
}

/** The link to a post in the admin center's Message center. */
export function adminCenterMessageUrl(id: string): string {
  return `https://admin.microsoft.com/#/MessageCenter/:/messages/${encodeURIComponent(id)}`;
}

/** `Incident` / `Advisory`, as the admin center labels the classification. */
export function classificationLabel(issue: Pick<HealthIssue, 'classification'>): string {
  return issue.classification === 'incident'
    ? 'Incident'
    : issue.classification === 'advisory'
      ? 'Advisory'
      : 'Issue';
}

/** An icon that carries the state in words too (screen readers read the label next to it). */
export function statusIcon(status: string, resolved = false): string {
  if (resolved || status === 'serviceOperational' || status === 'serviceRestored') return '✅';
  return isImpacting(status) ? '⚠️' : 'ℹ️';
}

/** `Service degradation` (or `Resolved: service restored` once the issue is closed). */
export function issueStatusText(issue: Pick<HealthIssue, 'status' | 'isResolved'>): string {
  const label = statusLabel(issue.status);
  return issue.isResolved && issue.status !== 'serviceRestored' ? `Resolved: ${label.toLowerCase()}` : label;
}

/** `Quick update`, `Update` or `Additional details`, as the admin center names post types. */
export function postTypeLabel(type: string): string {
  return type === 'quick' ? 'Quick update' : type === 'strategic' ? 'Additional details' : 'Update';
}

/** Whether an issue concerns the scope: a Pulse group (through the catalog's mapping) or a name as typed. */
export function issueInScope(
  service: string,
  scope: { group?: ServiceGroup; label: string } | undefined,
): boolean {
  if (!scope) return true;
  if (scope.group) return groupsOfHealthService(service).includes(scope.group);
  return service.toLowerCase().includes(scope.label.toLowerCase());
}

/** Whether a message concerns the scope (any of its services). */
export function messageInScope(
  m: ServiceMessage,
  scope: { group?: ServiceGroup; label: string } | undefined,
): boolean {
  return !scope || m.services.some((s) => issueInScope(s, scope));
}

/** `Plan for change`, `Stay informed`, `Prevent or fix issue`. */
export function categoryLabel(category: string): string {
  return (
    {
      planForChange: 'Plan for change',
      stayInformed: 'Stay informed',
      preventOrFixIssue: 'Prevent or fix issue',
    }[category] ?? 'Message'
  );
}

/** Shortens text for a card line, at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
