import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps';

export function consoleRoutes(deps: AppDeps): FastifyPluginAsync {
  void deps;
  return async () => {};
}
