import { act, renderHook } from '@/web/test-support/render';
import { useDeviceListParams } from '@/web/lib/use-device-list-params';

describe('useDeviceListParams', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?sort=device_name&tag=hvac'));

  it('keeps its callbacks and filters through a sort change, so memoised parts skip it', () => {
    const { result } = renderHook(() => useDeviceListParams());
    const first = result.current;
    expect(first.filters).toEqual({ tag: 'hvac' });

    act(() => first.update({ sort: '-id' }));
    expect(window.location.search).toBe('?tag=hvac&sort=-id');
    expect(result.current.params.sort).toBe('-id');
    expect(result.current.update).toBe(first.update);
    expect(result.current.clearFilters).toBe(first.clearFilters);
    expect(result.current.filters).toBe(first.filters);

    act(() => first.update({ device_name: 'pump' }));
    expect(result.current.filters).toEqual({ device_name: 'pump', tag: 'hvac' });
  });

  it('applies a change to the parameters on screen, not to those of its first render', () => {
    const { result } = renderHook(() => useDeviceListParams());
    const { update, clearFilters } = result.current;
    act(() => update({ sort: 'node_id' }));
    act(() => update({ offset: '100' }));
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('node_id');
    expect(new URLSearchParams(window.location.search).get('offset')).toBe('100');

    act(() => clearFilters());
    expect(window.location.search).toBe('?sort=node_id');
  });
});
