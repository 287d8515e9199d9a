import type { FastifyPluginAsync } from 'fastify';
import { signInBodySchema, SUBJECT_TOKEN_HEADER, type SignInResponse } from '@/contracts/auth';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { clearSignInFailures, noteSignInFailure, signInWait } from '../auth/sign-in-throttle';
import { issueToken } from '../auth/tokens';
import type { AppDeps } from '../deps';
import { ApiFailure, ROMA_CODES, romaBadParameter } from '../errors';
import { issuePath, parseInput } from '../parse-input';

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
        .select(['users.id', 'users.username', 'users.password_hash', 'workspaces.id as workspaceId', 'workspaces.project_id', 'workspaces.instance_id', 'workspaces.org_id'])
        .where('users.username', '=', body.username)
        .executeTakeFirst();
      // One answer, in the same time, for an unknown user and a wrong password, so names cannot be probed.
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await unknownUserHash()));
      if (!user || !ok) {
        await noteSignInFailure(deps.db, keys, Date.now());
        throw new ApiFailure(401, ROMA_CODES.unauthorized, 'The username or password is incorrect.');
      }
      await clearSignInFailures(deps.db, user.username);
      const issuedAt = Date.now();
      const { token, expiresAt } = await issueToken(deps.db, user.id, user.workspaceId, deps.tokenTtlSeconds, issuedAt);
      const answer: SignInResponse = {
        token: {
          issued_at: new Date(issuedAt).toISOString(),
          expires_at: new Date(expiresAt).toISOString(),
          user: { name: user.username },
          project: { id: user.project_id },
          instance: { id: user.instance_id },
          org: { id: user.org_id },
        },
      };
      return reply.status(201).header(SUBJECT_TOKEN_HEADER, token).send(answer);
    });
  };
}
