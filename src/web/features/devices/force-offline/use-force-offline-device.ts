import type { Device } from '@/contracts/device';
import { forceOfflineDevice, forceOfflineMutationKey } from '@/web/api/force-offline-devices';
import { useOptimisticDeviceMutation } from '@/web/api/use-optimistic-device-mutation';
import { offlinePatch } from '@/web/lib/device-rules';

/** 004 for the device on the page: shown offline at once, put back if the service refuses. */
export function useForceOfflineDevice() {
  return useOptimisticDeviceMutation<void, Device>({
    // The bulk run's key: a list refetch waits for both to settle.
    mutationKey: forceOfflineMutationKey,
    mutationFn: (device) => forceOfflineDevice(device.id),
    ids: (device) => [device.id],
    patch: () => offlinePatch,
  });
}
