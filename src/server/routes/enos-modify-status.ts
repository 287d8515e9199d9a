import type { FastifyReply, FastifyRequest } from 'fastify';
import { deviceLocatorSchema, ENOS_CODES, ENOS_MESSAGES, hasDeviceLocator, modifyDeviceStatusBodySchema, modifyDeviceStatusQuerySchema } from '@/contracts/enos';
import type { AppDeps } from '../deps';
import { modifyDeviceStatus, type StatusRuleRefusal } from '../domain/modify-status';
import { enosFailure } from '../errors';
import { parseInput } from '../parse-input';
import { assertOwnOrg, enosDeviceInfoInvalid, enosDeviceNotFound, enosInvalidArgument, enosOk } from './enos-envelope';

/** Long enough for any real status, short enough that a huge value is not echoed back whole. */
const ECHO_MAX = 64;

/** 000: "Status {status} is not allowed to be modified.", naming the value that was sent. */
function statusNotAllowed(sent: unknown) {
  if (sent === undefined) return enosFailure(ENOS_CODES.invalidArguments, `${ENOS_MESSAGES.invalidArguments}: status is required.`);
  const shown = typeof sent === 'string' ? sent : JSON.stringify(sent);
  return enosFailure(ENOS_CODES.invalidArguments, ENOS_MESSAGES.statusNotAllowed(shown.slice(0, ECHO_MAX)));
}

const RULE_FAILURES: Record<StatusRuleRefusal, string> = {
  mirrored: ENOS_MESSAGES.mirrored,
  disabled: ENOS_MESSAGES.disabled,
  connected: ENOS_MESSAGES.connected,
};

/** 000 Modify Device Status: the device first, then the status, then the device's own state. */
export async function handleModifyDeviceStatus(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const { orgId } = parseInput(modifyDeviceStatusQuerySchema, request.query, enosInvalidArgument);
  const locator = deviceLocatorSchema.safeParse(request.body);
  if (!locator.success || !hasDeviceLocator(locator.data)) throw enosDeviceInfoInvalid();
  const body = parseInput(modifyDeviceStatusBodySchema, request.body, () => statusNotAllowed((request.body as { status?: unknown }).status));
  assertOwnOrg(request, orgId);

  const outcome = await modifyDeviceStatus(deps, {
    workspaceId: request.session.workspace.id,
    locator: locator.data,
    status: body.status,
    byUser: request.session.username,
    audit: request.audit,
  });
  if (!outcome.ok) {
    if (outcome.reason === 'notFound') throw enosDeviceNotFound();
    throw enosFailure(ENOS_CODES.invalidArguments, RULE_FAILURES[outcome.reason]);
  }
  return reply.send(enosOk(request, null));
}
