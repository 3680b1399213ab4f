import type { MetricDef } from '../../domain/catalog-types';
import type { View } from '../output/view';

/** The catalog as rows: the table shows what to type; JSON and CSV add permission, roles, aliases and description. */
export function metricsView(metrics: readonly MetricDef[]): View {
  return {
    columns: [
      { key: 'id', header: 'id' },
      { key: 'service', header: 'service' },
      { key: 'unit', header: 'unit' },
      { key: 'name', header: 'name' },
      { key: 'fn', header: 'function' },
      { key: 'permission', header: 'permission', inTable: false },
      { key: 'roles', header: 'roles', inTable: false },
      { key: 'aliases', header: 'aliases', inTable: false },
      { key: 'description', header: 'description', inTable: false },
    ],
    rows: metrics.map((m) => ({
      id: m.id,
      service: m.service,
      unit: m.unit,
      name: m.preview ? `${m.name} (preview)` : m.name,
      fn: m.fn,
      permission: m.permission,
      roles: m.roles,
      aliases: m.aliases,
      description: m.description,
    })),
  };
}
