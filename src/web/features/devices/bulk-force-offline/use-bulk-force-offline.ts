import { forceOfflineDevices, forceOfflineMutationKey } from '@/web/api/force-offline-devices';
import { useBulkDeviceRun } from '@/web/api/use-bulk-device-run';
import type { BulkResult } from '@/web/components/bulk-result';
import { offlinePatch } from '@/web/lib/device-rules';
import { runForceOffline, type ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

/** Brings devices offline in chunks of up to 1,000, with progress and cancel (see useBulkDeviceRun). */
export function useBulkForceOffline(onFinished: (results: BulkResult[]) => void) {
  return useBulkDeviceRun<ForceOfflineProgress>({
    mutationKey: forceOfflineMutationKey,
    patch: offlinePatch,
    execute: (context) => runForceOffline({ ...context, send: (ids) => forceOfflineDevices(ids) }),
    onFinished,
  });
}
