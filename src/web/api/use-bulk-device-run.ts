import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { DeviceRef } from '@/web/api/device-selection';
import { patchDevicesOptimistically, settleDeviceMutation, type DevicePatch, type OptimisticHandle } from '@/web/api/optimistic-devices';
import type { BulkResult } from '@/web/components/bulk-result';

/** What a bulk run is given: the devices, their patch already applied, and its progress and cancel hooks. */
export interface BulkRunContext<P> {
  devices: readonly DeviceRef[];
  /** A run undoes the patch of the devices it could not change; the hook releases it when the run settles. */
  optimistic: Pick<OptimisticHandle, 'rollback'>;
  onProgress: (progress: P) => void;
  isCancelled: () => boolean;
}

export interface BulkDeviceRun<P> {
  mutationKey: QueryKey;
  /** How each device looks once the run succeeds for it. */
  patch: DevicePatch;
  /** Sends the requests and reports each device, rolling back those refused. */
  execute: (context: BulkRunContext<P>) => Promise<BulkResult[]>;
  onFinished: (results: BulkResult[]) => void;
}

/**
 * A bulk action on a selection with progress and cancel. The rows change in the click itself, so
 * they render together with the dialog's progress view; the requests start once that frame is
 * painted (apiFetch waits for it); each answer keeps or undoes its rows; the device queries
 * refetch once the last such run settles.
 */
export function useBulkDeviceRun<P>({ mutationKey, patch, execute, onFinished }: BulkDeviceRun<P>) {
  const queryClient = useQueryClient();
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<P | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const mutation = useMutation({
    mutationKey,
    mutationFn: async ({ devices, optimistic }: { devices: readonly DeviceRef[]; optimistic: OptimisticHandle }) => {
      cancelled.current = false;
      setCancelling(false);
      return execute({ devices, optimistic, onProgress: setProgress, isCancelled: () => cancelled.current });
    },
    onSuccess: onFinished,
    onSettled: (_data, _error, { optimistic }) => {
      optimistic.release();
      return settleDeviceMutation(queryClient, mutationKey);
    },
  });

  const run = (devices: readonly DeviceRef[]) => {
    const optimistic = patchDevicesOptimistically(queryClient, devices.map((d) => d.id), patch);
    mutation.mutate({ devices, optimistic });
  };
  const cancel = () => {
    cancelled.current = true;
    setCancelling(true);
  };
  return { run, results: mutation.data, error: mutation.error, isRunning: mutation.isPending, progress, cancel, cancelling };
}
