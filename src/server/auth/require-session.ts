import type { FastifyRequest } from 'fastify';
import { roleAllows, type AuditAction, type Role } from '@/contracts/operators';
import { AuditTrail } from '../audit/audit-trail';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import { ENOS_CODES, ENOS_MESSAGES } from '@/contracts/enos';
import { cachedRead, VersionedCache } from '../cache/versioned-cache';
import type { AppDeps } from '../deps';
import { ApiFailure, familyOf, ROMA_CODES } from '../errors';
import { forbidden } from './roles';
import { resolveToken, type Session } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session;
    /** The call's audit records (audit/audit-trail.ts); set with the session on routes that declare `config.audit`. */
    audit: AuditTrail;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a token (sign-in). */
    public?: boolean;
    /** The least role that may call the route; every route that is not public names one (app.ts checks). */
    role?: Role;
    /** What the route changes, for its audit records; a refusal of such a call is recorded too. */
    audit?: AuditAction | ((request: FastifyRequest) => AuditAction | undefined);
  }
}

function unauthorized(request: FastifyRequest): ApiFailure {
  if (familyOf(request.url) === 'enos') return new ApiFailure(401, ENOS_CODES.unauthorized, ENOS_MESSAGES.unauthorized);
  return new ApiFailure(401, ROMA_CODES.unauthorized, 'Incorrect IAM authentication information: the X-Auth-Token is missing, invalid or expired.');
}

/** A preHandler that admits a request only with a live `X-Auth-Token` of a user whose role the route allows. */
export function requireSession(deps: AppDeps) {
  // Every call carries a token; while the database is unchanged its session is too, bar its expiry.
  const sessions = new VersionedCache<Session | undefined>({ maxEntries: 1_000 });
  // Not on PostgreSQL: there another replica's sign-out or disabling is heard of milliseconds after
  // it, and a revoked token must be refused by every replica from the moment it is revoked.
  const dataVersion = deps.dialect === 'sqlite' ? deps.dataVersion : undefined;
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const header = request.headers[AUTH_TOKEN_HEADER];
    const token = typeof header === 'string' ? header : undefined;
    const found = token ? await cachedRead(sessions, dataVersion, token, () => resolveToken(deps.db, token)) : undefined;
    const session = found && found.expiresAt > Date.now() ? found : undefined;
    if (!session) throw unauthorized(request);
    request.session = session;
    // Only routes that change something write records: reads (most calls) skip the allocation.
    if (request.routeOptions.config.audit) {
      request.audit = new AuditTrail({ workspaceId: session.workspace.id, username: session.username, requestId: request.id, clientIp: request.ip, runId: null });
    }
    const needed = request.routeOptions.config.role;
    if (needed && !roleAllows(session.role, needed)) throw forbidden(request, needed);
  };
}
