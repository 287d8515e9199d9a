import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { signInBodySchema, SUBJECT_TOKEN_HEADER, type SignInResponse } from '@/contracts/auth';
import { randomBytes } from 'node:crypto';
import type { Role } from '@/contracts/operators';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { clearSignInFailures, noteSignInFailure, signInWait } from '../auth/sign-in-throttle';
import { requireRole } from '../auth/roles';
import { issueToken, resolveToken, revokeToken } from '../auth/tokens';
import type { WorkspaceRow } from '../db/schema';
import type { AppDeps } from '../deps';
import { ApiFailure, ROMA_CODES, romaBadParameter } from '../errors';
import { issuePath, parseInput } from '../parse-input';

/** IAM's token body, for a sign-in and for a look at a token. */
function tokenAnswer(token: { username: string; role: Role; issuedAt: number; expiresAt: number; workspace: Pick<WorkspaceRow, 'project_id' | 'instance_id' | 'org_id'> }): SignInResponse {
  return {
    token: {
      issued_at: new Date(token.issuedAt).toISOString(),
      expires_at: new Date(token.expiresAt).toISOString(),
      user: { name: token.username },
      roles: [{ name: token.role }],
      project: { id: token.workspace.project_id },
      instance: { id: token.workspace.instance_id },
      org: { id: token.workspace.org_id },
    },
  };
}

/** A hash no password matches, checked for unknown users so that they take as long as known ones. */
let unknownHash: Promise<string> | undefined;
const unknownUserHash = () => (unknownHash ??= hashPassword(randomBytes(32).toString('base64')));

/**
 * IAM-style sign-in: 201 with the token in `X-Subject-Token`. Failures are counted per username
 * and per client address, and past the limit answered 429 with `Retry-After` (sign-in-throttle.ts).
 */
export function authRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.post('/v3/auth/tokens', { config: { public: true } }, async (request, reply) => {
      const body = parseInput(signInBodySchema, request.body, (issue) => romaBadParameter('iam.token.create', issuePath(issue) || 'body', 'body'));
      const keys = { username: body.username, address: request.ip };
      const wait = await signInWait(deps.db, keys, Date.now());
      if (wait !== undefined) throw new ApiFailure(429, ROMA_CODES.throttled, 'The throttling threshold has been reached: too many failed sign-ins. Try again later.', { 'retry-after': String(wait) });
      const user = await deps.db
        .selectFrom('users')
        .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
        .select(['users.id', 'users.username', 'users.password_hash', 'users.role', 'users.disabled', 'workspaces.id as workspaceId', 'workspaces.project_id', 'workspaces.instance_id', 'workspaces.org_id'])
        .where('users.username', '=', body.username)
        .executeTakeFirst();
      // One answer, in the same time, for an unknown user and a wrong password, so names cannot be probed.
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await unknownUserHash()));
      if (!user || !ok) {
        await noteSignInFailure(deps.db, keys, Date.now());
        throw new ApiFailure(401, ROMA_CODES.unauthorized, 'The username or password is incorrect.');
      }
      await clearSignInFailures(deps.db, user.username);
      // Said only to whoever knows the password, so it tells a guesser nothing.
      if (user.disabled === 1) throw new ApiFailure(401, ROMA_CODES.unauthorized, 'This user is disabled. Ask an admin to enable it.');
      const issuedAt = Date.now();
      const { token, expiresAt } = await issueToken(deps.db, user.id, user.workspaceId, deps.tokenTtlSeconds, issuedAt);
      const answer = tokenAnswer({ username: user.username, role: user.role, issuedAt, expiresAt, workspace: { project_id: user.project_id, instance_id: user.instance_id, org_id: user.org_id } });
      return reply.status(201).header(SUBJECT_TOKEN_HEADER, token).send(answer);
    });

    // IAM's "validate token" and "revoke token": the caller's X-Auth-Token admits the call, X-Subject-Token names the token.
    const subjectOf = async (request: FastifyRequest) => {
      const header = request.headers[SUBJECT_TOKEN_HEADER];
      if (typeof header !== 'string' || header === '') throw romaBadParameter('iam.token.validate', SUBJECT_TOKEN_HEADER, 'header');
      const subject = await resolveToken(deps.db, header);
      // Another workspace's token answers as a missing one.
      if (!subject || subject.workspace.id !== request.session.workspace.id) throw new ApiFailure(404, ROMA_CODES.resourceNotFound, 'The token does not exist or has expired.');
      return { header, subject };
    };

    app.get('/v3/auth/tokens', { config: { role: 'viewer' } }, async (request, reply) => {
      const { header, subject } = await subjectOf(request);
      const issuedAt = subject.issuedAt ?? subject.expiresAt - deps.tokenTtlSeconds * 1000;
      return reply.header(SUBJECT_TOKEN_HEADER, header).send(tokenAnswer({ ...subject, issuedAt }));
    });

    // Anyone may end their own token; an admin may end anyone's.
    app.delete('/v3/auth/tokens', { config: { role: 'viewer', audit: 'token.revoke' } }, async (request, reply) => {
      const { header, subject } = await subjectOf(request);
      if (subject.userId !== request.session.userId) requireRole(request, 'admin');
      await deps.db.transaction().execute(async (trx) => {
        await revokeToken(trx, header);
        await request.audit.record(trx, [{ action: 'token.revoke', target: subject.username }]);
      });
      return reply.status(204).send();
    });
  };
}
