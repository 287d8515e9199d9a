import { freezeDevice, freezeMutationKey, unfreezeDevice } from '@/web/api/freeze-device';
import { useBulkDeviceRun } from '@/web/api/use-bulk-device-run';
import type { BulkResult } from '@/web/components/bulk-result';
import { canBeFrozen, canModify, frozenPatch, unfrozenPatch } from '@/web/lib/device-rules';
import { runBulkFreeze, type BulkFreezeProgress } from '@/web/features/devices/freeze/run-bulk-freeze';

/**
 * Freezes or unfreezes a selection, one 003 call per device with bounded concurrency, progress
 * and cancel (see useBulkDeviceRun). Sub-devices and read-only devices never change.
 */
export function useBulkFreeze(frozen: boolean, onFinished: (results: BulkResult[]) => void) {
  const patch = frozen ? frozenPatch : unfrozenPatch;
  return useBulkDeviceRun<BulkFreezeProgress>({
    mutationKey: freezeMutationKey,
    patch: (d) => (canBeFrozen(d) && canModify(d) ? patch(d) : d),
    execute: (context) =>
      runBulkFreeze({ ...context, send: (device) => (frozen ? freezeDevice(device.iotda_device_id) : unfreezeDevice(device.iotda_device_id)) }),
    onFinished,
  });
}
