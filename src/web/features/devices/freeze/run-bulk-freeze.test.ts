import { ApiError } from '@/web/api/api-error';
import type { DeviceRef } from '@/web/api/device-selection';
import { testDeviceRefs as refs } from '@/web/test-support/device-fixture';
import { cancelledReason } from '@/web/components/bulk-result';
import { retryableFreezes, runBulkFreeze } from '@/web/features/devices/freeze/run-bulk-freeze';
import { noModifyReason, subDeviceReason } from '@/web/lib/device-rules';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function options(devices: DeviceRef[], send: (device: DeviceRef) => Promise<void>) {
  const rollback = vi.fn();
  return { rollback, run: { devices, send, optimistic: { rollback }, onProgress: vi.fn(), isCancelled: () => false } };
}

describe('runBulkFreeze', () => {
  it('keeps at most 6 requests in flight and reports every device in the selection order', async () => {
    let inFlight = 0;
    let most = 0;
    const { run, rollback } = options(refs(40), async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      inFlight -= 1;
    });
    const results = await runBulkFreeze(run);
    expect(most).toBe(6);
    expect(results.map((r) => r.id)).toEqual(refs(40).map((r) => r.id));
    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(rollback).not.toHaveBeenCalled();
    expect(run.onProgress).toHaveBeenLastCalledWith({ done: 40, total: 40 });
  });

  it('says why sub-devices and read-only devices are not sent, from their references, and rolls them back', async () => {
    const send = vi.fn(async () => {});
    const devices = refs(3, (id) => (id === 1 ? { node_type: 2 } : id === 2 ? { permissions: ['read'] } : {}));
    const { run, rollback } = options(devices, send);
    const results = await runBulkFreeze(run);
    expect(results.map((r) => [r.name, r.outcome, r.reason])).toEqual([
      ['d1', 'skipped', subDeviceReason()],
      ['d2', 'skipped', noModifyReason()],
      ['d3', 'succeeded', undefined],
    ]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(rollback.mock.calls).toEqual([[[1]], [[2]]]);
  });

  it("reports a refusal with the service's code and request id, and rolls back only that device", async () => {
    const { run, rollback } = options(refs(2), async (device) => {
      if (device.id === 2) throw new ApiError({ status: 404, code: 'IOTDA.014000', message: 'The device does not exist.', requestId: 'r-404' });
    });
    const results = await runBulkFreeze(run);
    expect(results[1]).toMatchObject({ outcome: 'failed', code: 'IOTDA.014000', reason: 'The device does not exist.', requestId: 'r-404' });
    expect(rollback.mock.calls).toEqual([[[2]]]);
  });

  it('stops sending when cancelled; the rest is reported as not attempted', async () => {
    // Cancelled once the first 6 are in flight: those finish and are reported.
    let sent = 0;
    const { run } = options(refs(20), async () => {
      sent += 1;
      await tick();
    });
    const results = await runBulkFreeze({ ...run, isCancelled: () => sent >= 6 });
    expect(results.filter((r) => r.outcome === 'succeeded')).toHaveLength(6);
    expect(results.filter((r) => r.outcome === 'skipped').every((r) => r.reason === cancelledReason())).toBe(true);
  });
});

describe('retryableFreezes', () => {
  it('offers again what failed or was cancelled, never what cannot be frozen', () => {
    const results = [
      { id: 1, name: 'a', outcome: 'failed' as const, reason: 'Internal error.' },
      { id: 2, name: 'b', outcome: 'skipped' as const, reason: cancelledReason() },
      { id: 3, name: 'c', outcome: 'skipped' as const, reason: subDeviceReason() },
      { id: 4, name: 'd', outcome: 'skipped' as const, reason: noModifyReason() },
      { id: 5, name: 'e', outcome: 'succeeded' as const },
    ];
    expect(retryableFreezes(results).map((r) => r.id)).toEqual([1, 2]);
  });
});
