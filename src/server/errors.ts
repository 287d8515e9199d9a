import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENOS_CODES } from '@/contracts/enos';

/** Each vendor family answers errors in its own envelope; the family follows from the path. */
export type ApiFamily = 'roma' | 'iotda' | 'enos';

export function familyOf(url: string): ApiFamily {
  if (url.startsWith('/connect-service/')) return 'enos';
  if (url.startsWith('/v5/iot/')) return 'iotda';
  return 'roma';
}

/**
 * A refusal with its documented code. `status` is the HTTP status for ROMA and IoTDA;
 * EnOS answers HTTP 200 with `code` in the body, except for a missing token (401).
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string | number,
    message: string,
    /** Sent with the refusal, e.g. a 429's `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const ROMA_CODES = {
  badParameter: 'SCB.00000000',
  instanceNotFound: 'ROMA.00110002',
  resourceNotFound: 'ROMA.00110006',
  preconditionFailed: 'ROMA.00110412',
  unauthorized: 'APIGW.0301',
  /** API Gateway's answer when the caller lacks the rights for the call (403). */
  forbidden: 'APIGW.0302',
  /** Ours: the change conflicts with what is stored (a user that exists, the last enabled admin) (409). */
  conflict: 'CONSOLE.00000409',
  /** API Gateway's answer past a throttling limit (429). */
  throttled: 'APIGW.0308',
  apiNotFound: 'APIGW.0101',
  internal: 'ROMA.00000500',
} as const;

export const romaBadParameter = (operation: string, parameter: string, processor: 'path' | 'query' | 'body' | 'header') =>
  new ApiFailure(
    400,
    ROMA_CODES.badParameter,
    `Parameter is not valid for operation [${operation}]. Parameter is [${parameter}]. Processor is [${processor}].`,
  );

export const romaDeviceNotFound = (id: number | string) =>
  new ApiFailure(404, ROMA_CODES.resourceNotFound, `The resource does not exist. Check whether the resource ID ${id} is correct.`);

export const romaInstanceNotFound = (projectId: string, instanceId: string) =>
  new ApiFailure(404, ROMA_CODES.instanceNotFound, `The instance does not exist. project_id: ${projectId}, instance_id: ${instanceId}`);

export const enosFailure = (code: number, message: string) => new ApiFailure(200, code, message);

/** Writes a failure in the envelope of the request's family. */
export function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: ApiFailure): FastifyReply {
  const family = familyOf(request.url);
  reply.headers(failure.headers);
  if (family === 'enos') {
    const code = typeof failure.code === 'number' ? failure.code : ENOS_CODES.invalidArguments;
    return reply.status(failure.status).send({ code, msg: failure.message, requestId: request.id, data: null });
  }
  return reply.status(failure.status).send({ error_code: String(failure.code), error_msg: failure.message, request_id: request.id });
}

/** A `PUT` whose If-Match no longer names the device's current revision: someone else changed it first. */
export const romaPreconditionFailed = (id: number) =>
  new ApiFailure(
    412,
    ROMA_CODES.preconditionFailed,
    `The device ${id} has been modified since it was read: If-Match does not match its current ETag. Reload the device and try again.`,
  );
