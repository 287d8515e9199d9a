import { FORCE_OFFLINE_MAX, type ForceOfflineResponse } from '@/contracts/roma';
import { t } from '@lingui/core/macro';
import { isApiError } from '@/web/api/api-error';
import type { DeviceRef } from '@/web/api/device-selection';
import type { OptimisticHandle } from '@/web/api/optimistic-devices';
import { cancelledReason, sessionEndedReason, type BulkResult } from '@/web/components/bulk-result';
import { explainRefusal } from '@/web/api/error-explanations';

export interface ForceOfflineProgress {
  sentDevices: number;
  totalDevices: number;
  doneRequests: number;
  totalRequests: number;
}

export interface RunForceOfflineOptions {
  devices: readonly DeviceRef[];
  send: (ids: number[]) => Promise<ForceOfflineResponse>;
  /** The optimistic patch of every device, already applied; refused devices are rolled back. */
  optimistic: Pick<OptimisticHandle, 'rollback'>;
  onProgress: (progress: ForceOfflineProgress) => void;
  isCancelled: () => boolean;
}

export function chunk<T>(items: readonly T[], size = FORCE_OFFLINE_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const skipped = (devices: readonly DeviceRef[], reason: string): BulkResult[] =>
  devices.map((d) => ({ id: d.id, name: d.device_name, outcome: 'skipped', reason }));

/**
 * Sends 004 in chunks of at most 1,000 ids, one after another so a cancel takes effect at the
 * next chunk and every answer is reported; devices the service did not take offline are rolled back.
 */
export async function runForceOffline({ devices, send, optimistic, onProgress, isCancelled }: RunForceOfflineOptions): Promise<BulkResult[]> {
  const chunks = chunk(devices);
  const results: BulkResult[] = [];
  let stopReason: string | undefined;
  let sentDevices = 0;
  onProgress({ sentDevices, totalDevices: devices.length, doneRequests: 0, totalRequests: chunks.length });

  for (const [index, part] of chunks.entries()) {
    if (!stopReason && isCancelled()) stopReason = cancelledReason();
    if (stopReason) {
      optimistic.rollback(part.map((d) => d.id));
      results.push(...skipped(part, stopReason));
      continue;
    }
    const names = new Map(part.map((d) => [d.id, d.device_name]));
    try {
      const answer = await send(part.map((d) => d.id));
      const refused: number[] = [];
      for (const s of answer.success) {
        if (names.delete(s.id)) results.push({ id: s.id, name: s.device_name, outcome: 'succeeded' });
      }
      for (const f of answer.failed) {
        if (!names.delete(f.id)) continue;
        refused.push(f.id);
        results.push({ id: f.id, name: f.device_name, outcome: 'failed', reason: f.error_msg ? explainRefusal(f.error_code, f.error_msg) : t`The service could not bring this device offline.`, code: f.error_code });
      }
      // A device in neither list was not reported on: say so rather than assume.
      for (const [id, name] of names) {
        refused.push(id);
        results.push({ id, name, outcome: 'failed', reason: t`The service did not report on this device.` });
      }
      optimistic.rollback(refused);
    } catch (error) {
      if (!isApiError(error)) throw error;
      optimistic.rollback(part.map((d) => d.id));
      const reason = explainRefusal(error.code, error.message);
      results.push(...part.map((d): BulkResult => ({ id: d.id, name: d.device_name, outcome: 'failed', reason, code: error.code, requestId: error.requestId })));
      // Without a session, every later request would fail the same way.
      if (error.status === 401) stopReason = sessionEndedReason();
    }
    sentDevices += part.length;
    onProgress({ sentDevices, totalDevices: devices.length, doneRequests: index + 1, totalRequests: chunks.length });
  }
  return results;
}
