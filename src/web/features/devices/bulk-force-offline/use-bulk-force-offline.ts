import { forceOfflineDevices, forceOfflineMutationKey } from '@/web/api/force-offline-devices';
import { useBulkDeviceRun } from '@/web/api/use-bulk-device-run';
import type { BulkResult } from '@/web/components/bulk-result';
import { runForceOffline, type ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

/** 004's effect, painted before the answer: the connection ends and the device shows offline. */
const offline = <T extends { online_status: number; connected: boolean }>(device: T): T => ({ ...device, online_status: 2, connected: false });

/** Brings devices offline in chunks of up to 1,000, with progress and cancel (see useBulkDeviceRun). */
export function useBulkForceOffline(onFinished: (results: BulkResult[]) => void) {
  return useBulkDeviceRun<ForceOfflineProgress>({
    mutationKey: forceOfflineMutationKey,
    patch: offline,
    execute: (context) => runForceOffline({ ...context, send: (ids) => forceOfflineDevices(ids) }),
    onFinished,
  });
}
