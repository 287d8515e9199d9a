import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { forceOfflineDevices, forceOfflineMutationKey } from '@/web/api/force-offline-devices';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import { patchDevicesOptimistically, settleDeviceMutation, type OptimisticHandle } from '@/web/api/optimistic-devices';
import { afterNextPaint } from '@/web/lib/after-next-paint';
import type { BulkResult } from '@/web/components/bulk-result';
import { runForceOffline, type ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

/** 004's effect, painted before the answer: the connection ends and the device shows offline. */
const offline = <T extends { online_status: number; connected: boolean }>(device: T): T => ({ ...device, online_status: 2, connected: false });

/**
 * Brings devices offline in chunks with progress and cancel. The rows change at once; each
 * answer keeps or undoes them; the device queries refetch once the last such run settles.
 */
export function useBulkForceOffline(onFinished: (results: BulkResult[]) => void) {
  const queryClient = useQueryClient();
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<ForceOfflineProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const mutation = useMutation({
    mutationKey: forceOfflineMutationKey,
    mutationFn: async ({ devices, optimistic }: { devices: readonly DeviceRef[]; optimistic: OptimisticHandle }) => {
      cancelled.current = false;
      setCancelling(false);
      await afterNextPaint();
      return runForceOffline({
        devices,
        send: (ids) => forceOfflineDevices(ids),
        optimistic,
        onProgress: setProgress,
        isCancelled: () => cancelled.current,
      });
    },
    onSuccess: onFinished,
    onSettled: () => settleDeviceMutation(queryClient, forceOfflineMutationKey),
  });

  // The rows change in the click itself, so they render together with the dialog's progress view.
  const run = (devices: readonly DeviceRef[]) => {
    const optimistic = patchDevicesOptimistically(queryClient, devices.map((d) => d.id), offline);
    mutation.mutate({ devices, optimistic });
  };

  const cancel = () => {
    cancelled.current = true;
    setCancelling(true);
  };
  return { run, results: mutation.data, error: mutation.error, isRunning: mutation.isPending, progress, cancel, cancelling };
}
