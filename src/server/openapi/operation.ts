import type { z } from 'zod/mini';
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import type { Role } from '@/contracts/operators';
import { enosErrorSchema } from '@/contracts/enos';
import { iotdaErrorSchema } from '@/contracts/iotda';
import { romaErrorSchema } from '@/contracts/roma';

/** The documents' families; each answers its refusals in its own envelope. */
export type Family = 'roma' | 'iotda' | 'enos';

type Params = { path?: z.ZodMiniObject; query?: z.ZodMiniObject; header?: z.ZodMiniObject };

/** One call as the reference shows it: its inputs, its answer, and every refusal with its codes. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI's form: `{name}` for a path parameter. */
  path: string;
  family: Family;
  tag: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The least role (DESIGN.md "Operators"); `public` needs no token. */
  role: Role | 'public';
  params?: Params;
  body?: { schema: z.ZodMiniType; examples?: Record<string, { summary: string; value: unknown }> };
  ok: { status: number; description: string; schema?: z.ZodMiniType; contentType?: string; examples?: Record<string, { summary: string; value: unknown }> };
  /** Refusals by HTTP status: what each code means. EnOS answers its refusals with HTTP 200 and `code` in the body. */
  errors: Record<number, string[]>;
}

const ERROR_SCHEMA: Record<Family, z.ZodMiniType> = { roma: romaErrorSchema, iotda: iotdaErrorSchema, enos: enosErrorSchema };

/** Every call with a token can be refused for it, or for a role it lacks. */
const AUTH_ERRORS: Record<Family, Record<number, string[]>> = {
  roma: { 401: ['APIGW.0301: the X-Auth-Token is missing, invalid, expired or revoked.'], 403: ['APIGW.0302: the caller\'s role does not allow the call.'] },
  iotda: { 401: ['APIGW.0301: the X-Auth-Token is missing, invalid, expired or revoked.'], 403: ['IOTDA.000003: the caller\'s role does not allow the call.'] },
  enos: { 401: ['401: the X-Auth-Token is missing, invalid, expired or revoked.'], 403: ['99403: the caller\'s role does not allow the call.'] },
};

const json = (schema: z.ZodMiniType, examples?: Operation['ok']['examples']) => ({ 'application/json': { schema, ...(examples && { examples }) } });

/** The operation as zod-openapi takes it: schemas stay zod, and become JSON Schema in the document. */
export function toOpenApi(op: Operation): ZodOpenApiOperationObject {
  const errors = op.role === 'public' ? op.errors : { ...AUTH_ERRORS[op.family], ...op.errors };
  const responses: ZodOpenApiResponsesObject = {
    [`${op.ok.status}`]: {
      description: op.ok.description,
      ...(op.ok.schema && { content: op.ok.contentType ? { [op.ok.contentType]: { schema: op.ok.schema } } : json(op.ok.schema, op.ok.examples) }),
    },
  };
  for (const [status, codes] of Object.entries(errors)) {
    const refusals = codes.map((code) => `- ${code}`).join('\n');
    responses[status as `4${string}`] = { description: `Refused.\n\n${refusals}`, content: json(ERROR_SCHEMA[op.family]) };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, op.role === 'public' ? 'No token needed.' : `Role: ${op.role} or above.`].filter(Boolean).join('\n\n'),
    ...(op.role === 'public' ? { security: [] } : {}),
    ...(op.params && { requestParams: op.params }),
    ...(op.body && { requestBody: { required: true, content: json(op.body.schema, op.body.examples) } }),
    responses,
  };
}
