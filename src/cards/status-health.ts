import { groupsOfHealthService, SERVICES, serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { HealthView } from '../service-health/reader';
import { statusLabel, statusSeverity } from '../service-health/statuses';
import { imBackAction, text } from './adaptive-card';
import { formatRelative } from './format';
import { classificationLabel, clip, issueStatusText, statusIcon } from './health-text';

/** Open issues listed on the status card at most (`incidents` lists them all). */
export const STATUS_OPEN_ISSUES = 5;

export interface StatusHealthInput {
  /** Microsoft's service health as this user may read it, or why it could not be read. */
  health: { view: HealthView } | { error: { message: string } };
  service?: ServiceGroup;
  now: Date;
}

/**
 * The status card's Microsoft part: each service group's health state as Microsoft reports it (the worst status of
 * the group's services, through the catalog's mapping), other services Microsoft reports trouble with, and the
 * open incidents and advisories with buttons to their details.
 */
export function statusHealthSection(input: StatusHealthInput): object[] {
  const title = text("Microsoft's service health", { weight: 'Bolder', spacing: 'Large', separator: true });
  if ('error' in input.health) {
    return [
      title,
      text(`Could not read Microsoft's service health: ${input.health.error.message}`, {
        size: 'Small',
        color: 'Warning',
      }),
    ];
  }
  const { view } = input.health;
  const groups = SERVICES.filter((s) => !input.service || s.id === input.service);
  const facts = groups.map((g) => {
    const mine = view.overviews.filter((o) => groupsOfHealthService(o.service).includes(g.id));
    const worst = [...mine].sort((a, b) => statusSeverity(b.status) - statusSeverity(a.status))[0];
    const ids = view.issues
      .filter((i) => !i.isResolved && groupsOfHealthService(i.service).includes(g.id))
      .map((i) => i.id);
    const value = worst
      ? `${statusIcon(worst.status)} ${statusLabel(worst.status)}${ids.length ? ` · ${ids.join(', ')}` : ''}`
      : 'Not reported by Microsoft';
    return { title: g.name, value };
  });
  const others = input.service
    ? []
    : view.overviews
        .filter((o) => groupsOfHealthService(o.service).length === 0 && statusSeverity(o.status) > 0)
        .map((o) => ({ title: o.service, value: `${statusIcon(o.status)} ${statusLabel(o.status)}` }));
  const open = view.issues.filter(
    (i) => !i.isResolved && (!input.service || groupsOfHealthService(i.service).includes(input.service)),
  );
  const incidentsFirst = [
    ...open.filter((i) => i.classification === 'incident'),
    ...open.filter((i) => i.classification !== 'incident'),
  ];
  const listed = incidentsFirst.slice(0, STATUS_OPEN_ISSUES);
  const scopeWord = input.service ? ` ${serviceById(input.service)?.aliases[0] ?? input.service}` : '';
  return [
    title,
    ...(view.asOf
      ? [
          text(`Read ${formatRelative(Math.min(view.asOf, +input.now), input.now)}`, {
            size: 'Small',
            isSubtle: true,
            spacing: 'None',
          }),
        ]
      : []),
    { type: 'FactSet', facts: [...facts, ...others] },
    text(
      open.length
        ? `Open incidents and advisories (${open.length})`
        : 'No open incidents or advisories from Microsoft.',
      { weight: open.length ? 'Bolder' : 'Default', spacing: 'Small' },
    ),
    ...listed.map((i) =>
      text(
        `${statusIcon(i.status)} **${i.id}** ${classificationLabel(i)}: ${clip(i.title, 120)} (${issueStatusText(i)})`,
        {
          size: 'Small',
          spacing: 'Small',
        },
      ),
    ),
    ...(open.length
      ? [
          {
            type: 'ActionSet',
            actions: [
              ...listed.slice(0, 2).map((i) => imBackAction(`Details of ${i.id}`, `incident ${i.id}`)),
              imBackAction('All incidents', `incidents${scopeWord}`),
            ],
          },
        ]
      : []),
  ];
}
