import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { IOTDA_CODES, iotdaDevicePathSchema } from '@/contracts/iotda';
import type { AppDeps } from '../deps';
import { setDeviceFrozen } from '../domain/freeze';
import { ApiFailure } from '../errors';
import { END_REASONS } from '../gateway/end-reasons';
import { parseInput } from '../parse-input';

const INVALID_INPUT = 'Invalid input data.';
const invalidInput = (detail?: string) => new ApiFailure(400, IOTDA_CODES.invalidInput, detail ? `${INVALID_INPUT} ${detail}` : INVALID_INPUT);
const deviceNotFound = () => new ApiFailure(404, IOTDA_CODES.deviceNotFound, 'The device does not exist.');

/**
 * 003 Freeze a Device and its Unfreeze twin: 204 with no body. The optional `Instance-Id` header
 * selects an instance in IoTDA's physical multi-tenant editions; a workspace here is one
 * instance, so the header is accepted and ignored.
 */
function freezeHandler(deps: AppDeps, frozen: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = parseInput(iotdaDevicePathSchema, request.params, () => invalidInput());
    // Another tenant's project answers as an unknown device would: it exists for nobody here.
    if (path.project_id !== request.session.workspace.project_id) throw deviceNotFound();
    const outcome = await setDeviceFrozen(deps, {
      workspaceId: request.session.workspace.id,
      iotdaDeviceId: path.device_id,
      frozen,
      byUser: request.session.username,
      audit: request.audit,
    });
    if (!outcome.ok) {
      if (outcome.reason === 'notFound') throw deviceNotFound();
      throw invalidInput(
        `Only devices that connect directly to the platform can be ${frozen ? 'frozen' : 'unfrozen'}; this device is a sub-device.`,
      );
    }
    // A frozen device cannot stay connected (003): its session is closed before the answer.
    if (frozen) await deps.liveSessions?.end([outcome.deviceId], END_REASONS.frozen);
    return reply.status(204).send();
  };
}

export function iotdaRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // 003 defines no request body, and SDKs often send `Content-Type: application/json` with an
    // empty one: within this plugin no body is read, so no body can refuse the call.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    app.post('/v5/iot/:project_id/devices/:device_id/freeze', { config: { role: 'operator', audit: 'device.freeze' } }, freezeHandler(deps, true));
    app.post('/v5/iot/:project_id/devices/:device_id/unfreeze', { config: { role: 'operator', audit: 'device.unfreeze' } }, freezeHandler(deps, false));
  };
}
