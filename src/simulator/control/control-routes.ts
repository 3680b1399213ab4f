import type { ZodType } from 'zod';
import { clearScenarios, issueGraphToken, issueUserAssertion, startScenario, stopScenario } from '../actions';
import { ISSUE_SCRIPTS } from '../service-health/issue-scripts';
import { readBody, sendJson } from '../http-util';
import type { Route, RouteContext } from '../routes';
import { SCENARIOS } from '../scenario-catalog';
import { ScenarioError } from '../scenarios';
import { faultSettingsSchema, graphTokenSchema, scenarioStartSchema, userAssertionSchema } from './schemas';

async function parseBody<T>(ctx: RouteContext, schema: ZodType<T>): Promise<T | undefined> {
  let json: unknown;
  try {
    const text = await readBody(ctx.req);
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    sendJson(ctx.res, 400, { error: 'Body is not valid JSON.' });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    sendJson(ctx.res, 400, { error: `Invalid body: ${issues}` });
    return undefined;
  }
  return parsed.data;
}

/** Everything `GET /_sim/state` reports. */
function snapshot(ctx: RouteContext) {
  const { state } = ctx;
  return {
    now: state.now().toISOString(),
    url: state.baseUrl,
    seed: state.seed,
    requireAuth: state.requireAuth,
    faults: state.faults.get(),
    scenarios: state.scenarios,
    availableScenarios: SCENARIOS.map((s) => ({
      name: s.name,
      description: s.description,
      durationMinutes: s.durationMinutes,
      microsoftIssue: ISSUE_SCRIPTS[s.name]?.title,
    })),
    tenants: state.tenants,
    counters: state.counters,
  };
}

async function handle(ctx: RouteContext, action: string, method: string): Promise<number> {
  const { state, res } = ctx;
  const reply = (status: number, body: unknown) => (sendJson(res, status, body), status);
  if (action === 'state' && method === 'GET') return reply(200, snapshot(ctx));
  if (action === 'requests' && method === 'GET') {
    const limit = Number(ctx.query.get('limit') ?? '') || undefined;
    return reply(200, { requests: state.log.entries(limit) });
  }
  if (action === 'faults' && method === 'GET') return reply(200, state.faults.get());
  if (action === 'faults' && method === 'DELETE') return (state.faults.clear(), reply(200, {}));
  if (action === 'faults' && method === 'POST') {
    const body = await parseBody(ctx, faultSettingsSchema);
    return body ? (state.faults.set(body), reply(200, state.faults.get())) : 400;
  }
  if (action === 'scenarios' && method === 'GET') return reply(200, { scenarios: state.scenarios });
  if (action === 'scenarios' && method === 'DELETE')
    return (clearScenarios(state), reply(200, { scenarios: [] }));
  if (action.startsWith('scenarios/') && method === 'DELETE') {
    return stopScenario(state, action.slice('scenarios/'.length))
      ? reply(200, {})
      : reply(404, { error: 'No such scenario.' });
  }
  if (action === 'scenarios' && method === 'POST') {
    const body = await parseBody(ctx, scenarioStartSchema);
    if (!body) return 400;
    try {
      return reply(201, startScenario(state, body));
    } catch (err) {
      if (err instanceof ScenarioError) return reply(400, { error: err.message });
      throw err;
    }
  }
  if (action === 'user-assertion' && method === 'POST') {
    const body = await parseBody(ctx, userAssertionSchema);
    return body ? reply(200, { assertion: issueUserAssertion(state, body) }) : 400;
  }
  if (action === 'graph-token' && method === 'POST') {
    const body = await parseBody(ctx, graphTokenSchema);
    return body ? reply(200, { access_token: issueGraphToken(state, body) }) : 400;
  }
  if (action === 'reset' && method === 'POST') {
    state.faults.clear();
    clearScenarios(state);
    state.limiter.reset();
    for (const l of state.serviceHealth.limiters) l.reset();
    state.log.clear();
    return reply(200, {});
  }
  return reply(404, { error: `Unknown simulator control route ${method} /_sim/${action}.` });
}

/** `/_sim/*`: state, request log, faults, scenarios and demo tokens, so tests can drive another process. */
export const controlRoute: Route = async (ctx) => {
  const m = /^\/_sim\/(.+)$/.exec(ctx.path);
  if (!m) return undefined;
  await handle(ctx, m[1], ctx.req.method ?? 'GET');
  return []; // control calls are not logged: the log shows only what the product sent
};
