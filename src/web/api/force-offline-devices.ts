import { FORCE_OFFLINE_MAX, forceOfflineResponseSchema, type ForceOfflineResponse } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';

export const forceOfflineMutationKey = ['devices', 'force-offline'] as const;

/** 004: ends the live connection of up to 1,000 devices; each comes back in `success` or `failed`. */
export async function forceOfflineDevices(deviceIds: number[], signal?: AbortSignal): Promise<ForceOfflineResponse> {
  if (deviceIds.length > FORCE_OFFLINE_MAX) throw new RangeError(`force-offline takes at most ${FORCE_OFFLINE_MAX} ids per call`);
  const { data } = await apiFetch({
    method: 'POST',
    path: romaDevicesPath('/force-offline'),
    body: { device_ids: deviceIds },
    schema: forceOfflineResponseSchema,
    signal,
  });
  return data;
}
