import type { FastifyPluginAsync } from 'fastify';
import { updateDeviceBodySchema } from '@/contracts/roma';
import { getDevice, updateDevice } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound, romaPreconditionFailed } from '../errors';
import { END_REASONS } from '../gateway/end-reasons';
import { deviceEtag, ifMatchPrecondition } from './roma-etag';
import { romaBody, romaDevice } from './roma-input';

const UPDATE = 'romalink.link-device.update';

/** 001 "Modifying a Device", with If-Match so two operators cannot silently overwrite each other. */
export function romaUpdateRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.put('/v2/:project_id/link/instances/:instance_id/devices/:device_id', { config: { role: 'operator', audit: 'device.update' } }, async (request, reply) => {
      const { workspace, id } = romaDevice(request, UPDATE);
      const body = romaBody(updateDeviceBodySchema, request, UPDATE);
      const ifMatch = request.headers['if-match'];
      const outcome = await updateDevice(deps.db, workspace, id, body, {
        user: request.session.username,
        now: Date.now(),
        audit: request.audit,
        ...(ifMatch === undefined ? {} : { precondition: ifMatchPrecondition(ifMatch, id) }),
      });
      if (outcome.kind === 'not-found') throw romaDeviceNotFound(id);
      if (outcome.kind === 'stale') throw romaPreconditionFailed(id);
      // A disabled device may not stay connected: its session ends before the answer, which then shows it.
      const ended = body.status === 1 ? await deps.liveSessions?.end([id], END_REASONS.disabled) : undefined;
      const loaded = ended?.size ? ((await getDevice(deps.db, workspace, id)) ?? outcome.loaded) : outcome.loaded;
      return reply.header('etag', deviceEtag(id, loaded.revision)).send(loaded.device);
    });
  };
}
