import { LISTED_DEVICE_FIELDS, listedDevicesResponseSchema, type ListDevicesQuery, type ListedDevicesResponse } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';

const FIELDS = LISTED_DEVICE_FIELDS.join(',');

/** ROMA "Querying Devices": one page under the filters, with the total, of the fields a list row reads. */
export async function listDevices(params: Omit<ListDevicesQuery, 'fields'>, signal?: AbortSignal): Promise<ListedDevicesResponse> {
  const { data } = await apiFetch({ path: romaDevicesPath(), query: { ...params, fields: FIELDS }, schema: listedDevicesResponseSchema, signal });
  return data;
}
