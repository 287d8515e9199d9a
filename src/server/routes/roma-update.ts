import type { FastifyPluginAsync } from 'fastify';
import { updateDeviceBodySchema } from '@/contracts/roma';
import { updateDevice } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound, romaPreconditionFailed } from '../errors';
import { deviceEtag, ifMatchPrecondition } from './roma-etag';
import { romaBody, romaDevice } from './roma-input';

const UPDATE = 'romalink.link-device.update';

/** 001 "Modifying a Device", with If-Match so two operators cannot silently overwrite each other. */
export function romaUpdateRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.put('/v2/:project_id/link/instances/:instance_id/devices/:device_id', async (request, reply) => {
      const { workspace, id } = romaDevice(request, UPDATE);
      const body = romaBody(updateDeviceBodySchema, request, UPDATE);
      const ifMatch = request.headers['if-match'];
      const outcome = await updateDevice(deps.db, workspace, id, body, {
        user: request.session.username,
        now: Date.now(),
        ...(ifMatch === undefined ? {} : { precondition: ifMatchPrecondition(ifMatch, id) }),
      });
      if (outcome.kind === 'not-found') throw romaDeviceNotFound(id);
      if (outcome.kind === 'stale') throw romaPreconditionFailed(id);
      return reply.header('etag', deviceEtag(id, outcome.loaded.revision)).send(outcome.loaded.device);
    });
  };
}
