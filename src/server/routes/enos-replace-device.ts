import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENOS_CODES, ENOS_MESSAGES, hasDeviceLocator, replaceDeviceBodySchema, replaceDeviceQuerySchema } from '@/contracts/enos';
import { requireRole } from '../auth/roles';
import type { AppDeps } from '../deps';
import { replaceDevice, type ReplaceRefusal } from '../domain/replace-device';
import { enosFailure, type ApiFailure } from '../errors';
import { END_REASONS } from '../gateway/end-reasons';
import { parseInput } from '../parse-input';
import { assertOwnOrg, enosDeviceInfoInvalid, enosDeviceNotFound, enosInvalidArgument, enosOk } from './enos-envelope';

const REFUSALS: Record<ReplaceRefusal, () => ApiFailure> = {
  notFound: enosDeviceNotFound,
  keyRepetitive: () => enosFailure(ENOS_CODES.deviceKeyRepetitive, ENOS_MESSAGES.deviceKeyRepetitive),
  keyExisted: () => enosFailure(ENOS_CODES.deviceKeyExisted, ENOS_MESSAGES.deviceKeyExisted),
  noPublicKey: () => enosFailure(ENOS_CODES.publicKeyNotFound, ENOS_MESSAGES.publicKeyNotFound),
};

/** 002 Replace Device: the device is named in the query, the new key in the body. */
export async function handleReplaceDevice(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  // Keys are the admins' to hand out (DESIGN.md "Operators").
  requireRole(request, 'admin');
  const query = parseInput(replaceDeviceQuerySchema, request.query, (issue) =>
    issue?.path[0] === 'orgId' ? enosInvalidArgument(issue) : enosDeviceInfoInvalid(),
  );
  if (!hasDeviceLocator(query)) throw enosDeviceInfoInvalid();
  const body = parseInput(replaceDeviceBodySchema, request.body, enosInvalidArgument);
  assertOwnOrg(request, query.orgId);

  const outcome = await replaceDevice(deps, {
    workspace: request.session.workspace,
    locator: { assetId: query.assetId, productKey: query.productKey, deviceKey: query.deviceKey },
    newDeviceKey: body.newDeviceKey,
    requireSecret: body.requireSecret === true,
    byUser: request.session.username,
    audit: request.audit,
  });
  if (!outcome.ok) throw REFUSALS[outcome.reason]();
  // 002: the old credentials stop working, and the session they opened ends with them.
  await deps.liveSessions?.end([outcome.deviceId], END_REASONS.keyReplaced);
  return reply.send(enosOk(request, outcome.result));
}
