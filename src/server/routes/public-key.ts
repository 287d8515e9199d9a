import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps';

export function publicKeyRoutes(deps: AppDeps): FastifyPluginAsync {
  void deps;
  return async () => {};
}
