import template from './templates/catalog.json';
import { METRICS, SERVICES, metricsOfService, serviceById } from '../domain/catalog';
import type { MetricDef, ServiceDef, ServiceGroup } from '../domain/catalog-types';
import { expandTemplate, type AdaptiveCard } from './adaptive-card';
import { rolesText } from './guidance-text';

function metricLine(m: MetricDef, service: ServiceDef): string {
  const unit = m.unit === 'percent' ? 'percent' : 'count';
  const better = m.higherIsBetter ? 'higher is better' : 'lower is better';
  const preview = m.preview ? ', preview' : '';
  const permission = m.permission !== service.permission ? ` Needs ${m.permission}.` : '';
  return (
    `**${m.name}** (${unit}, ${better}${preview}): ${m.description}${permission}\n\n` +
    `_Type: ${[m.id, ...m.aliases].join(' · ')}_`
  );
}

function group(service: ServiceDef) {
  const metrics = metricsOfService(service.id);
  const preview = metrics.length > 0 && metrics.every((m) => m.preview);
  const roles = rolesText(metrics[0]?.roles ?? []);
  return {
    name: `${service.name}${preview ? ' (preview)' : ''}`,
    access: `Permission: ${service.permission} (admin consent).${roles ? ` ${roles}` : ''}`,
    metrics: metrics.map((m) => ({ line: metricLine(m, service) })),
  };
}

/**
 * Every metric the bot knows (or one service group's), grouped by service: friendly name, meaning, unit, the id and
 * aliases to type, and the permission (and admin roles) it needs. Compact enough for all 39 metrics in one card.
 */
export function buildCatalogCard(service?: ServiceGroup): AdaptiveCard {
  const services = service ? SERVICES.filter((s) => s.id === service) : SERVICES;
  const count = service ? metricsOfService(service).length : METRICS.length;
  return expandTemplate(template, {
    title: service ? `${serviceById(service)?.name ?? service} metrics` : 'Metrics you can ask for',
    intro:
      `${count} signals from the Microsoft 365 Monitoring API (Microsoft Graph beta). ` +
      'Type a metric by its id or any of its names.',
    groups: services.map(group),
  });
}
