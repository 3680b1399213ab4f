import { buildCatalogCard } from '../../cards/catalog-card';
import type { ServiceGroup } from '../../domain/catalog-types';
import type { Reply } from '../reply';

/** `metrics [service]`: the catalog, what each metric means and which permission it needs. No tenant data. */
export async function handleMetrics(service?: ServiceGroup): Promise<Reply> {
  return { card: buildCatalogCard(service) };
}
