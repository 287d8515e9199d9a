import { deviceReportSchema, type DeviceReport } from '@/contracts/console';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';

/** The device's latest property report; nulls before its first. */
export async function getDeviceReport(id: number, signal?: AbortSignal): Promise<DeviceReport> {
  const { data } = await apiFetch({ path: consoleInstancePath(`/devices/${id}/report`), schema: deviceReportSchema, signal });
  return data;
}
