import { useState } from 'react';
import type { Device } from '@/contracts/device';
import type { EnosDeviceStatus } from '@/contracts/enos';
import { forceOfflineDevice } from '@/web/api/force-offline-devices';
import { modifyDeviceStatus, modifyDeviceStatusMutationKey } from '@/web/api/modify-device-status';
import { useOptimisticDeviceMutation } from '@/web/api/use-optimistic-device-mutation';
import { ONLINE_STATUS_OF } from '@/web/features/devices/status-modification/status-rules';

export interface ModifyStatusVariables {
  device: Device;
  status: EnosDeviceStatus;
  /** 004 with this one id before 000, which refuses a connected device. */
  forceOfflineFirst: boolean;
}

/** 000 (after 004 when asked): the new status shows at once and is undone if either call fails. */
export function useModifyStatus() {
  // Whether the connection was already ended when 000 failed: the rollback cannot undo that.
  const [forcedOffline, setForcedOffline] = useState(false);
  const mutation = useOptimisticDeviceMutation<void, ModifyStatusVariables>({
    mutationKey: modifyDeviceStatusMutationKey,
    mutationFn: async ({ device, status, forceOfflineFirst }) => {
      setForcedOffline(false);
      if (forceOfflineFirst) {
        await forceOfflineDevice(device.id);
        setForcedOffline(true);
      }
      await modifyDeviceStatus(device.asset_id, status);
    },
    ids: ({ device }) => [device.id],
    patch:
      ({ status, forceOfflineFirst }) =>
      (device) => ({ ...device, online_status: ONLINE_STATUS_OF[status], ...(forceOfflineFirst && { connected: false }) }),
  });
  return { ...mutation, forcedOffline };
}
