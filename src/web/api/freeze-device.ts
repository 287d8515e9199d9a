import { apiFetch, currentSession } from '@/web/api/client';

export const freezeMutationKey = ['devices', 'freeze'] as const;

function iotdaDevicePath(iotdaDeviceId: string, action: 'freeze' | 'unfreeze'): string {
  const { projectId } = currentSession();
  return `/v5/iot/${encodeURIComponent(projectId)}/devices/${encodeURIComponent(iotdaDeviceId)}/${action}`;
}

/** 003: the device is disconnected and cannot connect until unfrozen; 204 with no body. Sub-devices answer 400. */
export async function freezeDevice(iotdaDeviceId: string, signal?: AbortSignal): Promise<void> {
  await apiFetch({ method: 'POST', path: iotdaDevicePath(iotdaDeviceId, 'freeze'), signal });
}

/** 003's twin: the device may connect again; it shows offline until it does. */
export async function unfreezeDevice(iotdaDeviceId: string, signal?: AbortSignal): Promise<void> {
  await apiFetch({ method: 'POST', path: iotdaDevicePath(iotdaDeviceId, 'unfreeze'), signal });
}
