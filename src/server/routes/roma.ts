import type { FastifyPluginAsync } from 'fastify';
import { listDevicesQuerySchema, type ListDevicesResponse } from '@/contracts/roma';
import { getDevice, listDevices } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound } from '../errors';
import { deviceEtag } from './roma-etag';
import { romaForceOfflineRoutes } from './roma-force-offline';
import { romaDevice, romaInstance, romaQuery } from './roma-input';
import { romaUpdateRoutes } from './roma-update';

const LIST = 'romalink.link-device.list';
const SHOW = 'romalink.link-device.show';

/** ROMA Connect's device calls: "Querying Devices", the device itself, 001 and 004. */
export function romaRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/v2/:project_id/link/instances/:instance_id/devices', async (request): Promise<ListDevicesResponse> => {
      const workspace = romaInstance(request, LIST);
      const params = romaQuery(listDevicesQuerySchema, request, LIST);
      const { total, items } = await listDevices(deps.db, deps.dialect, workspace, params);
      return { total, size: items.length, items };
    });

    app.get('/v2/:project_id/link/instances/:instance_id/devices/:device_id', async (request, reply) => {
      const { workspace, id } = romaDevice(request, SHOW);
      const loaded = await getDevice(deps.db, workspace, id);
      if (!loaded) throw romaDeviceNotFound(id);
      return reply.header('etag', deviceEtag(id, loaded.revision)).send(loaded.device);
    });

    await app.register(romaUpdateRoutes(deps));
    await app.register(romaForceOfflineRoutes(deps));
  };
}
