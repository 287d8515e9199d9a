import type { FastifyPluginAsync } from 'fastify';
import { DEVICE_CSV_COLUMNS, exportDevicesQuerySchema } from '@/contracts/device-export';
import { csvStream } from '../csv-stream';
import { exportedDevices } from '../db/device-export';
import { EXPORT_COMPRESSION } from '../answer-compression';
import type { AppDeps } from '../deps';
import { romaInstance, romaQuery } from './roma-input';

const EXPORT = 'console.device.export';
/** Every device the list's filter matches, in its sort, as CSV streamed while it is read (DESIGN.md: the console's export). */
export function deviceExportRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/console/v1/projects/:project_id/instances/:instance_id/devices/export', { config: { role: 'viewer' }, compress: EXPORT_COMPRESSION }, async (request, reply) => {
      const workspace = romaInstance(request, EXPORT);
      const query = romaQuery(exportDevicesQuerySchema, request, EXPORT);
      const devices = exportedDevices(deps.db, deps.dialect, workspace, query, deps.listIndex);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="devices-${workspace.instance_id}.csv"`)
        .header('cache-control', 'no-store')
        .send(csvStream(DEVICE_CSV_COLUMNS, devices));
    });
  };
}
