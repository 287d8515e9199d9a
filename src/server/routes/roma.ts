import type { FastifyPluginAsync } from 'fastify';
import type { Device } from '@/contracts/device';
import { listDevicesQuerySchema, type ListDevicesResponse } from '@/contracts/roma';
import { asSeenBy } from '../auth/roles';
import { keptAnswer } from '../cache/kept-answer';
import { VersionedCache } from '../cache/versioned-cache';
import { getDevice, listDevices } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound } from '../errors';
import { deviceEtag } from './roma-etag';
import { romaForceOfflineRoutes } from './roma-force-offline';
import { romaDevice, romaInstance, romaQuery } from './roma-input';
import { romaUpdateRoutes } from './roma-update';

const LIST = 'romalink.link-device.list';

/** The device with only `fields` (the list's `fields` parameter); an optional field it lacks stays absent. */
function pickFields(device: Device, fields: ReadonlyArray<keyof Device>): Partial<Device> {
  return Object.fromEntries(fields.filter((field) => field in device).map((field) => [field, device[field]]));
}
const SHOW = 'romalink.link-device.show';

/** ROMA Connect's device calls: "Querying Devices", the device itself, 001 and 004. */
export function romaRoutes(deps: AppDeps): FastifyPluginAsync {
  // Many operators, and every open console, ask for the same first pages; each is answered from the
  // database once per change of it, and kept as the JSON sent (about 55 kB for 50 devices).
  const pages = new VersionedCache<string>({ maxEntries: 256, maxWeight: 32 * 1024 * 1024 });
  return async (app) => {
    app.get('/v2/:project_id/link/instances/:instance_id/devices', { config: { role: 'viewer' } }, async (request, reply) => {
      const workspace = romaInstance(request, LIST);
      const params = romaQuery(listDevicesQuerySchema, request, LIST);
      const { role } = request.session;
      const list = async () => {
        const { total, items } = await listDevices(deps.db, deps.dialect, workspace, params, deps.listIndex);
        const { fields } = params;
        const page: Omit<ListDevicesResponse, 'items'> & { items: Array<Partial<Device>> } = {
          total,
          size: items.length,
          items: items.map((d) => asSeenBy(role, fields ? pickFields(d, fields) : d)),
        };
        return JSON.stringify(page);
      };
      const json = await keptAnswer(request, deps, pages, { workspaceId: workspace.id, params: { params, viewer: role === 'viewer' } }, list, (text) => text.length);
      return reply.type('application/json; charset=utf-8').send(json);
    });

    app.get('/v2/:project_id/link/instances/:instance_id/devices/:device_id', { config: { role: 'viewer' } }, async (request, reply) => {
      const { workspace, id } = romaDevice(request, SHOW);
      const loaded = await getDevice(deps.db, workspace, id);
      if (!loaded) throw romaDeviceNotFound(id);
      return reply.header('etag', deviceEtag(id, loaded.revision)).send(asSeenBy(request.session.role, loaded.device));
    });

    await app.register(romaUpdateRoutes(deps));
    await app.register(romaForceOfflineRoutes(deps));
  };
}
