import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps';

export function iotdaRoutes(deps: AppDeps): FastifyPluginAsync {
  void deps;
  return async () => {};
}
