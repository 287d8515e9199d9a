import { deviceSchema, type Device } from '@/contracts/device';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';

/** The device and its ETag, which an edit sends back as `If-Match`. */
export interface DeviceDetail {
  device: Device;
  etag: string | null;
}

export async function getDevice(id: number, signal?: AbortSignal): Promise<DeviceDetail> {
  const { data, headers } = await apiFetch({ path: romaDevicesPath(`/${id}`), schema: deviceSchema, signal });
  return { device: data, etag: headers.get('etag') };
}
