import { act, renderHook } from '@/web/test-support/render';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { goesAsTask, type DeviceRef } from '@/web/api/device-selection';
import { useSelection } from '@/web/lib/use-selection';
import { testDeviceRefs } from '@/web/test-support/device-fixture';

describe('goesAsTask', () => {
  it('sends every matching device as a task, and ticked devices past one force-offline call', () => {
    const { result } = renderHook(() => useSelection<DeviceRef, DeviceFilterQuery>('all'));
    act(() => result.current.setMany(testDeviceRefs(1_000), true));
    expect(goesAsTask(result.current)).toBe(false);
    act(() => result.current.setMany(testDeviceRefs(1_001), true));
    expect(goesAsTask(result.current)).toBe(true);
    act(() => result.current.clear());
    act(() => result.current.selectMatching({ online_status: '1' }, 3));
    expect(goesAsTask(result.current)).toBe(true);
  });
});
