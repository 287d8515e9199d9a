import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';
import { cachedRead, type VersionedCache } from './versioned-cache';

/** `Cache-Control: no-cache`: the client wants an answer read from the database now, not a kept one. */
const asksFresh = (request: FastifyRequest): boolean => /\bno-cache\b/i.test(request.headers['cache-control'] ?? '');

/**
 * A read-only route's answer for a workspace and its parsed parameters, through `cache`: kept
 * while the database is unchanged, computed afresh when the request says `Cache-Control: no-cache`.
 */
export function keptAnswer<V>(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'dataVersion'>,
  cache: VersionedCache<V>,
  scope: { workspaceId: string; params: unknown },
  compute: () => Promise<V>,
  weigh?: (value: V) => number,
): Promise<V> {
  const key = `${scope.workspaceId} ${JSON.stringify(scope.params)}`;
  return cachedRead(cache, deps.dataVersion, key, compute, { weigh, refresh: asksFresh(request) });
}
