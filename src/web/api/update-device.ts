import { deviceSchema } from '@/contracts/device';
import type { UpdateDeviceBody } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';
import type { DeviceDetail } from '@/web/api/get-device';

export const updateDeviceMutationKey = ['devices', 'update'] as const;

/** The service answers 412 with this code when `If-Match` names an older revision. */
export const PRECONDITION_FAILED_CODE = 'ROMA.00110412';

/**
 * 001 "Modifying a Device". With `etag` the service writes only if nobody changed the device
 * since it was read (412 otherwise); without it, the write is unconditional as 001 documents.
 */
export async function updateDevice(id: number, body: UpdateDeviceBody, etag?: string | null): Promise<DeviceDetail> {
  const { data, headers } = await apiFetch({
    method: 'PUT',
    path: romaDevicesPath(`/${id}`),
    body,
    headers: etag ? { 'if-match': etag } : undefined,
    schema: deviceSchema,
  });
  return { device: data, etag: headers.get('etag') };
}
