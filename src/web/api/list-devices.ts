import { listDevicesResponseSchema, type ListDevicesQuery, type ListDevicesResponse } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';

/** ROMA "Querying Devices": one page under the filters, with the total. */
export async function listDevices(params: ListDevicesQuery, signal?: AbortSignal): Promise<ListDevicesResponse> {
  const { data } = await apiFetch({ path: romaDevicesPath(), query: { ...params }, schema: listDevicesResponseSchema, signal });
  return data;
}
