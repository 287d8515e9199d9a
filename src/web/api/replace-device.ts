import type { Device } from '@/contracts/device';
import { deviceReplaceResultSchema, type DeviceReplaceResult, type ReplaceDeviceBody } from '@/contracts/enos';
import { apiFetch, currentSession } from '@/web/api/client';

/**
 * 002 Replace Device, naming the device by its assetId (which the replacement keeps).
 * With `requireSecret` the answer carries the secret sealed for the org's key: callers open
 * it at once and keep neither the envelope nor the plaintext in any shared cache.
 */
export async function replaceDevice(device: Pick<Device, 'asset_id'>, body: ReplaceDeviceBody): Promise<DeviceReplaceResult> {
  const { data } = await apiFetch({
    method: 'POST',
    path: '/connect-service/v2.4/devices',
    query: { action: 'replaceDevice', orgId: currentSession().orgId, assetId: device.asset_id },
    body,
    schema: deviceReplaceResultSchema,
  });
  return data;
}
