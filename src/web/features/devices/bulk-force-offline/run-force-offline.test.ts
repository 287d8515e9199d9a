import type { ForceOfflineResponse } from '@/contracts/roma';
import { ApiError } from '@/web/api/api-error';
import { testDeviceRefs } from '@/web/test-support/device-fixture';
import { chunk, runForceOffline } from '@/web/features/devices/bulk-force-offline/run-force-offline';

const ok = (ids: number[]): ForceOfflineResponse => ({ success: ids.map((id) => ({ id, device_id: id, device_name: `d${id}` })), failed: [] });

function setup(send: (ids: number[]) => Promise<ForceOfflineResponse>, cancelAfter = Infinity) {
  const rollback = vi.fn();
  let calls = 0;
  const sendSpy = vi.fn(async (ids: number[]) => {
    calls += 1;
    return send(ids);
  });
  return { rollback, sendSpy, options: { send: sendSpy, optimistic: { rollback }, onProgress: vi.fn(), isCancelled: () => calls >= cancelAfter } };
}

describe('runForceOffline', () => {
  it('splits into chunks of at most 1,000', () => {
    expect(chunk(testDeviceRefs(2500)).map((c) => c.length)).toEqual([1000, 1000, 500]);
  });

  it('reports each device and rolls back only the refused ones', async () => {
    const { rollback, sendSpy, options } = setup(async (ids) => ({
      success: ok(ids.slice(1)).success,
      failed: [{ id: ids[0]!, device_id: ids[0]!, device_name: `d${ids[0]}`, error_code: 'ROMA.00110006', error_msg: 'Not found' }],
    }));
    const results = await runForceOffline({ devices: testDeviceRefs(1500), ...options });
    expect(sendSpy).toHaveBeenCalledTimes(2);
    expect(results.filter((r) => r.outcome === 'failed').map((r) => r.id)).toEqual([1, 1001]);
    expect(results.find((r) => r.id === 1)).toMatchObject({ reason: 'Not found', code: 'ROMA.00110006' });
    expect(rollback.mock.calls).toEqual([[[1]], [[1001]]]);
  });

  it('fails and rolls back a whole chunk the service refused, then goes on', async () => {
    let n = 0;
    const { rollback, options } = setup(async (ids) => {
      n += 1;
      if (n === 1) throw new ApiError({ status: 500, code: 'ROMA.00000500', message: 'Internal error', requestId: 'r1' });
      return ok(ids);
    });
    const results = await runForceOffline({ devices: testDeviceRefs(1200), ...options });
    expect(results.filter((r) => r.outcome === 'failed')).toHaveLength(1000);
    expect(results.filter((r) => r.outcome === 'succeeded')).toHaveLength(200);
    expect(results[0]).toMatchObject({ code: 'ROMA.00000500', requestId: 'r1' });
    expect(rollback.mock.calls[0]![0]).toHaveLength(1000);
  });

  it('stops at the next chunk when cancelled, and rolls the rest back', async () => {
    const { rollback, sendSpy, options } = setup(async (ids) => ok(ids), 1);
    const results = await runForceOffline({ devices: testDeviceRefs(3000), ...options });
    expect(sendSpy).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => r.outcome === 'skipped')).toHaveLength(2000);
    expect(rollback).toHaveBeenCalledTimes(3);
  });

  it('marks a device missing from the answer as failed', async () => {
    const { options } = setup(async (ids) => ok(ids.slice(1)));
    const results = await runForceOffline({ devices: testDeviceRefs(3), ...options });
    expect(results.find((r) => r.id === 1)).toMatchObject({ outcome: 'failed', reason: 'The service did not report on this device.' });
  });
});
