import { z } from 'zod/mini';

/**
 * `GET /console/v1/health` (README "Replicas"), for load balancers and orchestrators: no token,
 * 200 when this replica can serve, 503 with the same body when it cannot.
 */
export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  /** Set on PostgreSQL, where replicas share the database. */
  replica: z.optional(z.string()),
  database: z.object({ engine: z.enum(['sqlite', 'postgres']), reachable: z.boolean(), ms: z.optional(z.number()) }),
  /** `enabled`: the service runs an MQTT gateway (`MQTT_PORT` not `off`); `sessions`: the devices it holds. */
  gateway: z.object({ enabled: z.boolean(), listening: z.boolean(), sessions: z.int() }),
});
export type Health = z.infer<typeof healthSchema>;
