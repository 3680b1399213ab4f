import { METRICS, metricsOfService } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';

/** What `subscribe all|<service>|<metric>` covers. */
export type SubscriptionScope =
  { kind: 'all' } | { kind: 'service'; service: ServiceGroup } | { kind: 'metric'; fn: string };

/** The functions a subscription covers, in catalog order; feed them to `defaultRulesFor`. */
export function fnsInScope(scope: SubscriptionScope): string[] {
  switch (scope.kind) {
    case 'all':
      return METRICS.map((m) => m.fn);
    case 'service':
      return metricsOfService(scope.service).map((m) => m.fn);
    case 'metric':
      return [scope.fn];
  }
}
