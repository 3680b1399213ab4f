import { metricByFn, serviceById } from '../../domain/catalog';
import type { ServiceGroup } from '../../domain/catalog-types';
import type { CommandServices } from '../services';

/** What of a list the user may see: the groups Graph proved they may read, and a note on the rest. */
export interface ReadableGroups {
  allowed: (group: string | undefined) => boolean;
  /** Says which groups were left out and why (no access, or could not be checked now); undefined when none. */
  note?: string;
}

/**
 * Filters lists of incidents (alerts, history) to the service groups the user may read: incident values, who acted
 * and when are admin data of that group. A group Graph refused is left out; one whose check proved nothing
 * (throttled, network, sign-in) is left out too, with a note to try again, never shown on an assumption. Items of
 * no known group stay.
 */
export async function readableGroups(
  groups: readonly string[],
  services: CommandServices,
): Promise<ReadableGroups> {
  const unique = [...new Set(groups)] as ServiceGroup[];
  const access = unique.length ? await services.metrics.access(unique) : new Map();
  const hidden = unique.filter((g) => !access.get(g)?.allowed);
  const name = (g: ServiceGroup) => serviceById(g)?.name ?? g;
  const refused = hidden.filter((g) => {
    const a = access.get(g);
    return a && !a.allowed && a.error.kind === 'MissingPermission';
  });
  const unchecked = hidden.filter((g) => !refused.includes(g));
  const parts = [
    refused.length
      ? `${refused.map(name).join(', ')}: your sign-in cannot read this data (send \`whoami\`)`
      : '',
    unchecked.length
      ? `${unchecked.map(name).join(', ')}: your access could not be checked just now, try again`
      : '',
  ].filter(Boolean);
  return {
    allowed: (g) => !g || !hidden.includes(g as ServiceGroup),
    note: parts.length ? `Left out: ${parts.join('; ')}.` : undefined,
  };
}

/** The service group of an incident id or card key (`tenant|rule|function#n`), when it names a known metric. */
export function groupOfRef(ref: string): ServiceGroup | undefined {
  const fn = ref.split('#')[0].split('|').at(-1) ?? '';
  return metricByFn(fn)?.service;
}
