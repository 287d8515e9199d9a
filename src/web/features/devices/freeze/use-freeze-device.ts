import type { Device } from '@/contracts/device';
import { freezeDevice, freezeMutationKey, unfreezeDevice } from '@/web/api/freeze-device';
import { useOptimisticDeviceMutation } from '@/web/api/use-optimistic-device-mutation';
import { frozenPatch, unfrozenPatch } from '@/web/lib/device-rules';

export interface FreezeVariables {
  device: Device;
  frozen: boolean;
}

/** 003 freeze or unfreeze of one device, shown at once and undone if the service refuses. */
export function useFreezeDevice() {
  return useOptimisticDeviceMutation<void, FreezeVariables>({
    mutationKey: freezeMutationKey,
    mutationFn: ({ device, frozen }) => (frozen ? freezeDevice(device.iotda_device_id) : unfreezeDevice(device.iotda_device_id)),
    ids: ({ device }) => [device.id],
    patch: ({ frozen }) => (frozen ? frozenPatch : unfrozenPatch),
  });
}
