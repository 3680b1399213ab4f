import type { SimState } from '../state';
import { SERVICE_ANNOUNCEMENT_PREFIX, serviceAnnouncementCall } from '../service-health/service-announcement';
import { serviceActivityCall, type CallMeta, type GraphCall } from './service-activity';
import type { GraphResult } from './result';

/** Routes one Graph call (direct or a batch item) to the service communications API or to serviceActivity. */
export function graphCall(state: SimState, call: GraphCall): { result: GraphResult; meta: CallMeta } {
  const p = call.path;
  if (p === SERVICE_ANNOUNCEMENT_PREFIX || p.startsWith(`${SERVICE_ANNOUNCEMENT_PREFIX}/`))
    return serviceAnnouncementCall(state, call);
  return serviceActivityCall(state, call);
}
