import type { FastifyPluginAsync } from 'fastify';
import type { DeviceSummary } from '@/contracts/console';
import { deviceFilterQuerySchema } from '@/contracts/roma';
import { summarizeDevices } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaInstance, romaQuery } from './roma-input';

const SUMMARY = 'console.device.summary';

/** The console's own calls under `/console/v1/`; errors answer in the ROMA envelope. */
export function consoleRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/console/v1/projects/:project_id/instances/:instance_id/device-summary', async (request): Promise<DeviceSummary> => {
      const workspace = romaInstance(request, SUMMARY);
      const filter = romaQuery(deviceFilterQuerySchema, request, SUMMARY);
      return summarizeDevices(deps.db, deps.dialect, workspace.id, filter);
    });
  };
}
