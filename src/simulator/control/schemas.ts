import { z } from 'zod';

const rate = z.number().min(0).max(1);

/** Body of `POST /_sim/faults` (see FaultSettings). */
export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    errorRate: rate.optional(),
    errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
    throttleRate: rate.optional(),
    retryAfterSeconds: z.number().min(0).max(3600).optional(),
    malformedRate: rate.optional(),
    emptySeries: z.boolean().optional(),
    functions: z.array(z.string()).optional(),
    tenants: z.array(z.string()).optional(),
    remaining: z.number().int().positive().optional(),
    shuffleBatch: z.boolean().optional(),
  })
  .strict();

/** Body of `POST /_sim/scenarios`. */
export const scenarioStartSchema = z
  .object({
    name: z.string(),
    at: z.string().optional(),
    startsInMinutes: z.number().optional(),
    durationMinutes: z.number().positive().optional(),
    tenantId: z.string().optional(),
  })
  .strict();

/** Body of `POST /_sim/user-assertion`. */
export const userAssertionSchema = z
  .object({
    tenantId: z.string().min(1),
    oid: z.string().min(1),
    name: z.string(),
    upn: z.string(),
    audience: z.string().optional(),
    wids: z.array(z.string()).optional(),
    expiresInSeconds: z.number().int().optional(),
  })
  .strict();

/** Body of `POST /_sim/graph-token`. */
export const graphTokenSchema = z
  .object({
    tenantId: z.string().min(1),
    appId: z.string().min(1),
    scp: z.array(z.string()).optional(),
    roles: z.array(z.string()).optional(),
    oid: z.string().optional(),
    expiresInSeconds: z.number().int().optional(),
  })
  .strict();
