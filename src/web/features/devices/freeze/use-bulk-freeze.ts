import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { freezeDevice, freezeMutationKey, unfreezeDevice } from '@/web/api/freeze-device';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import { patchDevicesOptimistically, settleDeviceMutation, type OptimisticHandle } from '@/web/api/optimistic-devices';
import { afterNextPaint } from '@/web/lib/after-next-paint';
import type { BulkResult } from '@/web/components/bulk-result';
import { canBeFrozen, canModify, frozenPatch, unfrozenPatch } from '@/web/lib/device-rules';
import { runBulkFreeze, type BulkFreezeProgress } from '@/web/features/devices/freeze/run-bulk-freeze';

/**
 * Freezes or unfreezes a selection, one 003 call per device with bounded concurrency, progress
 * and cancel. The rows change at once (sub-devices and read-only devices never do); each answer
 * keeps or undoes its row; the device queries refetch once the last such run settles.
 */
export function useBulkFreeze(frozen: boolean, onFinished: (results: BulkResult[]) => void) {
  const queryClient = useQueryClient();
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<BulkFreezeProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const mutation = useMutation({
    mutationKey: freezeMutationKey,
    mutationFn: async ({ devices, optimistic }: { devices: readonly DeviceRef[]; optimistic: OptimisticHandle }) => {
      cancelled.current = false;
      setCancelling(false);
      await afterNextPaint();
      return runBulkFreeze({
        devices,
        send: (device) => (frozen ? freezeDevice(device.iotda_device_id) : unfreezeDevice(device.iotda_device_id)),
        optimistic,
        onProgress: setProgress,
        isCancelled: () => cancelled.current,
      });
    },
    onSuccess: onFinished,
    onSettled: () => settleDeviceMutation(queryClient, freezeMutationKey),
  });

  // The rows change in the click itself, so they render together with the dialog's progress view.
  const run = (devices: readonly DeviceRef[]) => {
    const patch = frozen ? frozenPatch : unfrozenPatch;
    const optimistic = patchDevicesOptimistically(
      queryClient,
      devices.map((d) => d.id),
      (d) => (canBeFrozen(d) && canModify(d) ? patch(d) : d),
    );
    mutation.mutate({ devices, optimistic });
  };

  const cancel = () => {
    cancelled.current = true;
    setCancelling(true);
  };
  return { run, results: mutation.data, error: mutation.error, isRunning: mutation.isPending, progress, cancel, cancelling };
}
