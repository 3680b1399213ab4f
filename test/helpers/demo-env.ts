import { demoIdentityEnv as demoEnvFor } from '../../src/dev/demo-identity-env';
import type { Simulator } from '../../src/simulator';
import { TENANT } from './activities';

/** The demo identity against a simulated tenant (see `src/dev/demo-identity-env.ts`), for the test tenant by default. */
export function demoIdentityEnv(sim: Simulator, tenant = TENANT): Record<string, string> {
  return demoEnvFor(sim, tenant);
}
