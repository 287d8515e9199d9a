// First: zod's English messages, before any contract parses a request.
import './zod-english';
import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifySse from '@fastify/sse';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { REQUEST_ID_HEADER } from '@/contracts/auth';
import { ENOS_CODES } from '@/contracts/enos';
import { recordRefusal } from './audit/record-refusal';
import { requireSession } from './auth/require-session';
import { ANSWER_COMPRESSION } from './answer-compression';
import type { AppDeps } from './deps';
import { ApiFailure, familyOf, ROMA_CODES, sendFailure } from './errors';
import { apiReferenceRoutes } from './routes/api-reference';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { consoleRoutes } from './routes/console';
import { serializeOnce } from './events/serialize-once';
import { consoleEventRoutes, HEARTBEAT_MS } from './routes/console-events';
import { deviceExportRoutes } from './routes/device-export';
import { enosRoutes } from './routes/enos';
import { healthRoutes } from './routes/health';
import { iotdaRoutes } from './routes/iotda';
import { iotdaBatchTaskRoutes } from './routes/iotda-batch-tasks';
import { publicKeyRoutes } from './routes/public-key';
import { romaRoutes } from './routes/roma';
import { OneLinePerRequest } from './request-log';
import { userRoutes } from './routes/users';
import { inlineScriptSources } from './inline-scripts';
import { securityHeaders } from './security-headers';
import { serveConsole } from './serve-console';

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** The built console (`dist/web`): when set, the app serves it beside the API. */
  webRoot?: string | undefined;
  /** Clients reach the service through TLS (`BEHIND_TLS`): HSTS is sent (security-headers.ts). */
  behindTls?: boolean;
  /** The proxies whose `X-Forwarded-For` names the client (`TRUST_PROXY`), as Fastify's `trustProxy` takes them. */
  trustProxy?: boolean | string;
}

/** The API prefixes; anything else is the console's to serve. */
export const API_PREFIXES = ['/v2/', '/v3/', '/v5/', '/connect-service/', '/console/'] as const;
export const isApiPath = (url: string) => API_PREFIXES.some((p) => url.startsWith(p));

/** Fastify's own errors (bad JSON, too large, bad content type…) as the family's refusal. */
function asFailure(error: unknown, family: ReturnType<typeof familyOf>): ApiFailure | undefined {
  if (error instanceof ApiFailure) return error;
  const e = error as { statusCode?: number; message?: string; code?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const reason = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is too large.' : 'The request is malformed.';
    if (family === 'enos') return new ApiFailure(200, ENOS_CODES.invalidArguments, `Invalid arguments: ${reason}`);
    if (family === 'iotda') return new ApiFailure(e.statusCode, 'IOTDA.000008', `Invalid input. ${reason}`);
    return new ApiFailure(e.statusCode, ROMA_CODES.badParameter, reason);
  }
  return undefined;
}

/** Builds the HTTP app without listening: `main.ts` listens, tests call `inject`. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { logger = false, webRoot, behindTls = false, trustProxy = false, ...deps } = options;
  const app = Fastify({
    logger,
    // Sign-in is throttled per client address: behind a balancer that is the client's, not the balancer's.
    trustProxy,
    genReqId: () => randomUUID(),
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // Path parameters longer than this are refused before routing (001 bounds every one of them).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('preHandler', requireSession(deps));

  // Every route of the API says who may call it: a new route that forgets fails at start-up, not in production.
  app.addHook('onRoute', (route) => {
    if (isApiPath(route.url) && !route.config?.public && !route.config?.role) throw new Error(`${route.method} ${route.url} names no role (config.role)`);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const failure = asFailure(error, familyOf(request.url));
    if (failure) {
      request.log.info({ code: failure.code, status: failure.status }, failure.message);
      await recordRefusal(deps.db, request, failure).catch((err: unknown) => request.log.error({ err }, 'the refusal could not be recorded'));
      return sendFailure(request, reply, failure);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendFailure(request, reply, new ApiFailure(500, ROMA_CODES.internal, `Internal error. Quote request id ${request.id}.`));
  });

  app.setNotFoundHandler((request, reply) =>
    sendFailure(request, reply, new ApiFailure(404, ROMA_CODES.apiNotFound, 'The API does not exist or has not been published.')),
  );

  // First: it hooks each route as the route is added.
  app.register(fastifyHelmet, securityHeaders(behindTls, inlineScriptSources(webRoot)));
  app.register(fastifyCompress, ANSWER_COMPRESSION);
  app.register(authRoutes(deps));
  app.register(romaRoutes(deps));
  app.register(enosRoutes(deps));
  app.register(iotdaRoutes(deps));
  app.register(iotdaBatchTaskRoutes(deps));
  app.register(consoleRoutes(deps));
  app.register(deviceExportRoutes(deps));
  app.register(userRoutes(deps));
  app.register(auditRoutes(deps));
  if (deps.changeFeed) {
    const feed = deps.changeFeed;
    app.register(async (events) => {
      await events.register(fastifySse, { heartbeatInterval: HEARTBEAT_MS, serializer: serializeOnce() });
      await events.register(consoleEventRoutes(deps, feed));
    });
  }
  app.register(publicKeyRoutes(deps));
  app.register(healthRoutes(deps));
  app.register(apiReferenceRoutes);
  if (webRoot) app.register(serveConsole(webRoot, isApiPath));
  return app;
}
