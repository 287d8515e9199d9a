import { useCallback, useMemo, useReducer } from 'react';
import { pageSelection, selectionReducer, type Identified, type SelectionState } from '@/web/lib/selection';

export interface Selection<T extends Identified> {
  selected: SelectionState<T>;
  size: number;
  isSelected: (id: number) => boolean;
  toggle: (item: T) => void;
  /** Select (or deselect) many at once: a page, or every device matching a filter. */
  setMany: (items: readonly T[], selected: boolean) => void;
  remove: (ids: Iterable<number>) => void;
  clear: () => void;
  pageState: (page: readonly Identified[]) => ReturnType<typeof pageSelection>;
}

const empty = new Map<number, never>();

/**
 * A selection keyed by id that outlives paging, sorting and filtering, because it holds
 * the items themselves rather than row indexes of the page on screen.
 */
export function useSelection<T extends Identified>(): Selection<T> {
  const [selected, dispatch] = useReducer(selectionReducer<T>, empty as SelectionState<T>);
  const toggle = useCallback((item: T) => dispatch({ type: 'toggle', item }), []);
  const setMany = useCallback((items: readonly T[], value: boolean) => dispatch({ type: 'set', items, selected: value }), []);
  const remove = useCallback((ids: Iterable<number>) => dispatch({ type: 'remove', ids }), []);
  const clear = useCallback(() => dispatch({ type: 'clear' }), []);
  return useMemo(
    () => ({
      selected,
      size: selected.size,
      isSelected: (id: number) => selected.has(id),
      toggle,
      setMany,
      remove,
      clear,
      pageState: (page: readonly Identified[]) => pageSelection(selected, page),
    }),
    [selected, toggle, setMany, remove, clear],
  );
}
