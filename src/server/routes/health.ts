import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { Health } from '@/contracts/health';
import type { AppDeps } from '../deps';

/** A database that takes longer than this to answer `SELECT 1` counts as unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

async function probeDatabase(deps: AppDeps): Promise<Health['database']> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), DATABASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([sql`SELECT 1`.execute(deps.db), timeout]);
    return { engine: deps.dialect, reachable: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { engine: deps.dialect, reachable: false };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /console/v1/health` (contracts/health.ts): whether this replica can serve, for a load
 * balancer to route by. It reads no device and needs no token; a stopped gateway or a database
 * that does not answer makes it 503.
 */
export function healthRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/console/v1/health', { config: { public: true } }, async (_request, reply) => {
      const database = await probeDatabase(deps);
      const gateway = deps.gateway ? { enabled: true, listening: deps.gateway.listening, sessions: deps.gateway.sessionCount } : { enabled: false, listening: false, sessions: 0 };
      const ready = database.reachable && (!gateway.enabled || gateway.listening);
      const health: Health = { status: ready ? 'ok' : 'unavailable', ...(deps.replicaId && { replica: deps.replicaId }), database, gateway };
      // Each look is a fresh one: a cached "ok" would keep a failing replica in rotation.
      return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send(health);
    });
  };
}
