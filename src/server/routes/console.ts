import type { FastifyPluginAsync } from 'fastify';
import { connectionHistoryQuerySchema, type ConnectionActivity, type ConnectionHistory, type DeviceReport, type DeviceSummary } from '@/contracts/console';
import { deviceFilterQuerySchema } from '@/contracts/roma';
import { keptAnswer } from '../cache/kept-answer';
import { VersionedCache } from '../cache/versioned-cache';
import { connectionActivity } from '../db/connection-activity';
import { connectionHistory, deviceInWorkspace, latestReport } from '../db/device-connections';
import { summarizeDevices } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaDeviceNotFound } from '../errors';
import { romaDevice, romaInstance, romaQuery } from './roma-input';

const SUMMARY = 'console.device.summary';
const CONNECTIONS = 'console.device.connections';
const REPORT = 'console.device.report';
const ACTIVITY = 'console.connection.activity';

/** The console's own calls under `/console/v1/`; errors answer in the ROMA envelope. */
export function consoleRoutes(deps: AppDeps): FastifyPluginAsync {
  // Every console asks for the summary on load and again after each change; one with a name or
  // tag filter counts row by row (about 25 ms at 100,000 devices), so it is kept until the data changes.
  const summaries = new VersionedCache<DeviceSummary>({ maxEntries: 256 });
  return async (app) => {
    app.get('/console/v1/projects/:project_id/instances/:instance_id/device-summary', { config: { role: 'viewer' } }, async (request): Promise<DeviceSummary> => {
      const workspace = romaInstance(request, SUMMARY);
      const filter = romaQuery(deviceFilterQuerySchema, request, SUMMARY);
      const summarize = () => summarizeDevices(deps.db, deps.dialect, workspace.id, filter, deps.listIndex);
      return keptAnswer(request, deps, summaries, { workspaceId: workspace.id, params: filter }, summarize);
    });

    app.get('/console/v1/projects/:project_id/instances/:instance_id/connection-activity', { config: { role: 'viewer' } }, async (request): Promise<ConnectionActivity> => {
      const workspace = romaInstance(request, ACTIVITY);
      return { minutes: await connectionActivity(deps.db, workspace.id, Date.now()) };
    });

    app.get('/console/v1/projects/:project_id/instances/:instance_id/devices/:device_id/connections', { config: { role: 'viewer' } }, async (request): Promise<ConnectionHistory> => {
      const { workspace, id } = romaDevice(request, CONNECTIONS);
      const { offset, limit } = romaQuery(connectionHistoryQuerySchema, request, CONNECTIONS);
      if (!(await deviceInWorkspace(deps.db, workspace.id, id))) throw romaDeviceNotFound(id);
      return connectionHistory(deps.db, id, offset, limit);
    });

    app.get('/console/v1/projects/:project_id/instances/:instance_id/devices/:device_id/report', { config: { role: 'viewer' } }, async (request): Promise<DeviceReport> => {
      const { workspace, id } = romaDevice(request, REPORT);
      if (!(await deviceInWorkspace(deps.db, workspace.id, id))) throw romaDeviceNotFound(id);
      return (await latestReport(deps.db, id)) ?? { reported_at: null, report: null };
    });
  };
}
