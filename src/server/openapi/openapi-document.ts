import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { CONSOLE_OPERATIONS } from './console-operations';
import { ENOS_OPERATIONS } from './enos-operations';
import { IOTDA_OPERATIONS } from './iotda-operations';
import { toOpenApi, type Operation } from './operation';
import { ROMA_OPERATIONS } from './roma-operations';

export const OPERATIONS: readonly Operation[] = [...ROMA_OPERATIONS, ...ENOS_OPERATIONS, ...IOTDA_OPERATIONS, ...CONSOLE_OPERATIONS];

/** `GET /console/v1/openapi.json`: every call, its schemas generated from the zod contracts the service validates with. */
export function openApiDocument(version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: toOpenApi(op) };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Device Console API',
      version,
      description:
        'The device service behind Device Console: the calls of ROMA Connect, IoTDA and EnOS it implements (each family answers refusals in its own envelope), and the console\'s own. Sign in with `POST /v3/auth/tokens`, then send the token as `X-Auth-Token`.',
    },
    components: { securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } } },
    security: [{ token: [] }],
    paths,
  });
}
