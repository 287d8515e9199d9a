import type { FastifyPluginAsync } from 'fastify';
import { forceOfflineBodySchema, type ForceOfflineResponse } from '@/contracts/roma';
import { forceDevicesOffline } from '../db/device-queries';
import type { AuditEntry } from '../audit/audit-trail';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound } from '../errors';
import { END_REASONS } from '../gateway/end-reasons';
import { romaBody, romaInstance } from './roma-input';

const FORCE_DISCONNECT = 'romalink.link-device.forceDisconnect';

/** 004 "Bringing Multiple Devices Offline": one answer per distinct id, in the order asked. */
export function romaForceOfflineRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.post('/v2/:project_id/link/instances/:instance_id/devices/force-offline', { config: { role: 'operator', audit: 'device.forceOffline' } }, async (request): Promise<ForceOfflineResponse> => {
      const workspace = romaInstance(request, FORCE_DISCONNECT);
      // 004's own example names the whole body `deviceDisconnectRequest`.
      const body = romaBody(forceOfflineBodySchema, request, FORCE_DISCONNECT, 'deviceDisconnectRequest');
      const ids = [...new Set(body.device_ids)];
      // One record per device, all under this call's id.
      const audit = request.audit.asRun();
      const names = await forceDevicesOffline(deps.db, deps.dialect, workspace.id, ids, { user: request.session.username, now: Date.now(), audit });
      // 004's success means the connection is gone: the sockets are closed before the answer.
      await deps.liveSessions?.end(names.keys(), END_REASONS.forcedOffline);
      const answer: ForceOfflineResponse = { success: [], failed: [] };
      const refused: AuditEntry[] = [];
      for (const id of ids) {
        const name = names.get(id);
        if (name !== undefined) {
          answer.success.push({ id, device_name: name, device_id: id });
          continue;
        }
        const { code, message } = romaDeviceNotFound(id);
        answer.failed.push({ id, device_name: '', device_id: id, error_code: String(code), error_msg: message });
        refused.push({ action: 'device.forceOffline', result: 'refused', target: String(id), errorCode: code, errorMsg: message });
      }
      if (refused.length > 0) await audit.record(deps.db, refused);
      return answer;
    });
  };
}
