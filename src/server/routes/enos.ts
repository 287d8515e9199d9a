import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps';

export function enosRoutes(deps: AppDeps): FastifyPluginAsync {
  void deps;
  return async () => {};
}
