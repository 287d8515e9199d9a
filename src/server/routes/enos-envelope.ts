import type { FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import { ENOS_CODES, ENOS_MESSAGES } from '@/contracts/enos';
import { enosFailure } from '../errors';
import { issuePath } from '../parse-input';

/** 000/002 Return Sample: `code` 0, `msg` "OK", the request's id. */
export const enosOk = <T>(request: FastifyRequest, data: T) => ({ code: ENOS_CODES.ok, msg: ENOS_MESSAGES.ok, requestId: request.id, data });

/** 002 documents a bare "Invalid arguments"; we add which field and why, so the caller can fix it. */
export const enosInvalidArgument = (issue: z.core.$ZodIssue | undefined) =>
  enosFailure(ENOS_CODES.invalidArguments, `${ENOS_MESSAGES.invalidArguments}: ${issuePath(issue) || 'body'}: ${issue?.message ?? 'invalid value'}`);

export const enosDeviceInfoInvalid = () => enosFailure(ENOS_CODES.invalidArguments, ENOS_MESSAGES.deviceInfoInvalid);

export const enosDeviceNotFound = () => enosFailure(ENOS_CODES.deviceNotFound, ENOS_MESSAGES.deviceNotFound);

/** Another organisation's devices do not exist for this caller: tenants see nothing of each other. */
export function assertOwnOrg(request: FastifyRequest, orgId: string): void {
  if (orgId !== request.session.workspace.org_id) throw enosDeviceNotFound();
}
