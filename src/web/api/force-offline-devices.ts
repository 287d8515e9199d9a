import { t } from '@lingui/core/macro';
import { FORCE_OFFLINE_MAX, forceOfflineResponseSchema, type ForceOfflineResponse } from '@/contracts/roma';
import { ApiError } from '@/web/api/api-error';
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

/** 004 for one device: resolves once it is offline; its `failed` entry (or none at all) is thrown as the service's refusal. */
export async function forceOfflineDevice(id: number): Promise<void> {
  const answer = await forceOfflineDevices([id]);
  if (answer.success.some((s) => s.id === id)) return;
  const failed = answer.failed.find((f) => f.id === id);
  throw new ApiError({
    status: 200,
    code: failed?.error_code ?? 'FORCE_OFFLINE_FAILED',
    message: failed?.error_msg ?? t`The service could not bring the device offline.`,
  });
}
