import { t } from '@lingui/core/macro';
import { isApiError } from '@/web/api/api-error';
import type { DeviceRef } from '@/web/api/device-selection';
import type { OptimisticHandle } from '@/web/api/optimistic-devices';
import { cancelledReason, retryable, sessionEndedReason, type BulkResult } from '@/web/components/bulk-result';
import { canBeFrozen, canModify, noModifyReason, subDeviceReason } from '@/web/lib/device-rules';
import { explainRefusal } from '@/web/api/error-explanations';

/** Requests in flight at once: quick for a few hundred devices without flooding the service. */
export const BULK_FREEZE_CONCURRENCY = 6;

/** Worth another try: refused or never sent, but not what can never be frozen (sub-devices, read-only). */
export const retryableFreezes = (results: readonly BulkResult[]): BulkResult[] =>
  retryable(results).filter((r) => r.reason !== subDeviceReason() && r.reason !== noModifyReason());

export interface BulkFreezeProgress {
  done: number;
  total: number;
}

export interface RunBulkFreezeOptions {
  /** Each reference carries what the run decides on and 003 needs, so no device is fetched first. */
  devices: readonly DeviceRef[];
  send: (device: DeviceRef) => Promise<void>;
  /** The optimistic patch of every device, already applied; whatever does not succeed is rolled back. */
  optimistic: Pick<OptimisticHandle, 'rollback'>;
  onProgress: (progress: BulkFreezeProgress) => void;
  isCancelled: () => boolean;
  concurrency?: number;
}

const failure = (ref: DeviceRef, error: unknown): BulkResult =>
  isApiError(error)
    ? { id: ref.id, name: ref.device_name, outcome: 'failed', reason: explainRefusal(error.code, error.message), code: error.code, requestId: error.requestId }
    : { id: ref.id, name: ref.device_name, outcome: 'failed', reason: error instanceof Error ? error.message : t`The request failed.` };

/**
 * 003 has no batch call: one request per device, at most `concurrency` in flight. A cancel stops
 * sending at once; the requests in flight finish and are reported. Results keep the selection's order.
 */
export async function runBulkFreeze({ devices, send, optimistic, onProgress, isCancelled, concurrency = BULK_FREEZE_CONCURRENCY }: RunBulkFreezeOptions) {
  const results: BulkResult[] = new Array(devices.length);
  let next = 0;
  let done = 0;
  let stopReason: string | undefined;
  onProgress({ done, total: devices.length });

  const handle = async (ref: DeviceRef): Promise<BulkResult> => {
    if (!stopReason && isCancelled()) stopReason = cancelledReason();
    if (stopReason) return { id: ref.id, name: ref.device_name, outcome: 'skipped', reason: stopReason };
    // Said instead of tried: 003 refuses sub-devices, and without 'modify' the console offers no freeze.
    if (!canBeFrozen(ref)) return { id: ref.id, name: ref.device_name, outcome: 'skipped', reason: subDeviceReason() };
    if (!canModify(ref)) return { id: ref.id, name: ref.device_name, outcome: 'skipped', reason: noModifyReason() };
    try {
      await send(ref);
      return { id: ref.id, name: ref.device_name, outcome: 'succeeded' };
    } catch (error) {
      if (isApiError(error) && error.status === 401) stopReason = sessionEndedReason();
      return failure(ref, error);
    }
  };

  const worker = async () => {
    for (let index = next++; index < devices.length; index = next++) {
      const ref = devices[index]!;
      const result = await handle(ref);
      if (result.outcome !== 'succeeded') optimistic.rollback([ref.id]);
      results[index] = result;
      done += 1;
      onProgress({ done, total: devices.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, devices.length) }, worker));
  return results;
}
