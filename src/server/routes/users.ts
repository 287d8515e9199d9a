import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import {
  createUserBodySchema,
  PASSWORD_HOLDS_NAME,
  passwordHoldsName,
  setPasswordBodySchema,
  updateUserBodySchema,
  userPathSchema,
  type ListUsersResponse,
} from '@/contracts/operators';
import { verifyPassword } from '../auth/passwords';
import { requireRole } from '../auth/roles';
import { noteSignInFailure, signInWait } from '../auth/sign-in-throttle';
import { createUser, listUsers, setUserPassword, updateUser, type UserOutcome } from '../auth/users';
import type { AppDeps } from '../deps';
import { ApiFailure, ROMA_CODES } from '../errors';
import { issuePath, parseInput } from '../parse-input';

const badInput = (issue: z.core.$ZodIssue | undefined) => new ApiFailure(400, ROMA_CODES.badParameter, `${issuePath(issue) || 'body'}: ${issue?.message ?? 'invalid.'}`);
const userNotFound = (username: string) => new ApiFailure(404, ROMA_CODES.resourceNotFound, `The user ${username} does not exist.`);

function answer(outcome: UserOutcome, username: string) {
  if (outcome.ok) return outcome.user;
  if (outcome.reason === 'notFound') throw userNotFound(username);
  if (outcome.reason === 'exists') throw new ApiFailure(409, ROMA_CODES.conflict, `The user name ${username} is taken.`);
  throw new ApiFailure(409, ROMA_CODES.conflict, 'A workspace keeps at least one enabled admin: make another user an admin first.');
}

/** One's own password changes only with the current one, guessed no faster than at sign-in: a session left open must not let anyone take the account. */
async function checkCurrentPassword(deps: AppDeps, request: FastifyRequest, current: string | undefined, hash: string): Promise<void> {
  const keys = { username: request.session.username, address: request.ip };
  const wait = await signInWait(deps.db, keys, Date.now());
  if (wait !== undefined) throw new ApiFailure(429, ROMA_CODES.throttled, 'Too many wrong passwords. Try again later.', { 'retry-after': String(wait) });
  if (current !== undefined && (await verifyPassword(current, hash))) return;
  await noteSignInFailure(deps.db, keys, Date.now());
  throw new ApiFailure(400, ROMA_CODES.badParameter, 'currentPassword: the current password is incorrect.');
}

const pathOf = (request: FastifyRequest) => parseInput(userPathSchema, request.params, badInput).username;

/** DESIGN.md "Operators": the workspace's users, managed by its admins; anyone's own password, by themselves. */
export function userRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/console/v1/users', { config: { role: 'admin' } }, async (request): Promise<ListUsersResponse> => {
      const items = await listUsers(deps.db, request.session.workspace.id);
      return { total: items.length, items };
    });

    app.post('/console/v1/users', { config: { role: 'admin', audit: 'user.create' } }, async (request, reply) => {
      const body = parseInput(createUserBodySchema, request.body, badInput);
      const outcome = await createUser(deps, request.session.workspace.id, body, request.audit);
      return reply.status(201).send(answer(outcome, body.username));
    });

    app.patch('/console/v1/users/:username', { config: { role: 'admin', audit: 'user.update' } }, async (request) => {
      const username = pathOf(request);
      const body = parseInput(updateUserBodySchema, request.body, badInput);
      return answer(await updateUser(deps, request.session.workspace.id, username, body, request.audit), username);
    });

    app.put('/console/v1/users/:username/password', { config: { role: 'viewer', audit: 'user.setPassword' } }, async (request, reply) => {
      const username = pathOf(request);
      const own = username === request.session.username;
      if (!own) requireRole(request, 'admin');
      const body = parseInput(setPasswordBodySchema, request.body, badInput);
      if (passwordHoldsName(body.password, username)) throw new ApiFailure(400, ROMA_CODES.badParameter, `password: ${PASSWORD_HOLDS_NAME}`);
      const user = await deps.db
        .selectFrom('users')
        .select(['id', 'username', 'password_hash'])
        .where('workspace_id', '=', request.session.workspace.id)
        .where('username', '=', username)
        .executeTakeFirst();
      if (!user) throw userNotFound(username);
      if (own) await checkCurrentPassword(deps, request, body.currentPassword, user.password_hash);
      const token = request.headers[AUTH_TOKEN_HEADER];
      await setUserPassword(deps, request.session.workspace.id, user, body.password, own && typeof token === 'string' ? token : undefined, request.audit);
      return reply.status(204).send();
    });
  };
}
