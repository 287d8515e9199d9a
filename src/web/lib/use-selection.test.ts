import { act, renderHook } from '@/web/test-support/render';
import { pageSelection, selectionReducer } from '@/web/lib/selection';
import { useSelection } from '@/web/lib/use-selection';

interface Row {
  id: number;
  name: string;
}
const rows = (from: number, count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: from + i, name: `d${from + i}` }));

describe('useSelection', () => {
  it('toggles one row and reports its count', () => {
    const { result } = renderHook(() => useSelection<Row>());
    act(() => result.current.toggle({ id: 1, name: 'a' }));
    expect(result.current.size).toBe(1);
    expect(result.current.isSelected(1)).toBe(true);
    act(() => result.current.toggle({ id: 1, name: 'a' }));
    expect(result.current.size).toBe(0);
  });

  it('selects a page, and keeps it when another page is shown', () => {
    const { result } = renderHook(() => useSelection<Row>());
    const page1 = rows(1, 3);
    const page2 = rows(4, 3);
    act(() => result.current.setMany(page1, true));
    expect(result.current.pageState(page1)).toBe('all');
    expect(result.current.pageState(page2)).toBe('none');
    act(() => result.current.toggle(page2[0]!));
    expect(result.current.pageState(page2)).toBe('some');
    expect(result.current.size).toBe(4);
  });

  it('survives a re-sorted page: state is by id, not by position', () => {
    const { result } = renderHook(() => useSelection<Row>());
    const page = rows(10, 4);
    act(() => result.current.setMany([page[1]!], true));
    const resorted = [...page].reverse();
    expect(resorted.filter((r) => result.current.isSelected(r.id)).map((r) => r.id)).toEqual([11]);
  });

  it('adds a page twice without duplicates, and deselects a page', () => {
    const { result } = renderHook(() => useSelection<Row>());
    act(() => result.current.setMany(rows(1, 50), true));
    act(() => result.current.setMany(rows(1, 2500), true));
    expect(result.current.size).toBe(2500);
    act(() => result.current.setMany(rows(1, 50), false));
    expect(result.current.size).toBe(2450);
  });

  it('removes the succeeded ids and clears on demand', () => {
    const { result } = renderHook(() => useSelection<Row>());
    act(() => result.current.setMany(rows(1, 5), true));
    act(() => result.current.remove([2, 4, 99]));
    expect([...result.current.selected.keys()]).toEqual([1, 3, 5]);
    act(() => result.current.clear());
    expect(result.current.size).toBe(0);
  });

  it('keeps the same state object when nothing changes', () => {
    const state = new Map([[1, { id: 1 }]]);
    expect(selectionReducer(state, { type: 'remove', ids: [7] })).toBe(state);
    expect(pageSelection(state, [])).toBe('none');
  });

  it('selects every item matching a query at once, and counts what is unticked since', () => {
    const { result } = renderHook(() => useSelection<Row, string>('online'));
    act(() => result.current.setMany(rows(1, 3), true));
    act(() => result.current.selectMatching('online', 100_000));
    expect(result.current.size).toBe(100_000);
    expect(result.current.selected.size).toBe(0);
    const page = rows(500, 4);
    expect(result.current.pageState(page)).toBe('all');
    act(() => result.current.toggle(page[0]!));
    act(() => result.current.setMany(page.slice(2), false));
    expect(result.current.size).toBe(99_997);
    expect(result.current.pageState(page)).toBe('some');
    expect([...result.current.matching!.except.keys()]).toEqual([500, 502, 503]);
    act(() => result.current.setMany(page, true));
    expect(result.current.size).toBe(100_000);
    act(() => result.current.clear());
    expect(result.current.matching).toBeUndefined();
    expect(result.current.size).toBe(0);
  });

  it('drops a matching selection once the list shows another query', () => {
    const { result, rerender } = renderHook(({ scope }) => useSelection<Row, string>(scope), { initialProps: { scope: 'a' } });
    act(() => result.current.selectMatching('a', 10));
    rerender({ scope: 'b' });
    expect(result.current.matching).toBeUndefined();
    expect(result.current.isSelected(1)).toBe(false);
    expect(result.current.size).toBe(0);
  });
});
