import { useCallback, useMemo, useReducer, useState } from 'react';
import { pageSelection, selectionReducer, type Identified, type PageSelection, type SelectionState } from '@/web/lib/selection';

/**
 * "Every item matching a query": the query and its count, less the items the operator unticked
 * since. Nothing is downloaded to select 100,000 devices; a bulk action sends the query.
 */
export interface MatchingSelection<T, Q> {
  query: Q;
  total: number;
  except: ReadonlyMap<number, T>;
}

export interface Selection<T extends Identified, Q = unknown> {
  /** The items ticked one by one or a page at a time; empty while `matching` is set. */
  selected: SelectionState<T>;
  /** Set while every item matching the list's query is selected. */
  matching: MatchingSelection<T, Q> | undefined;
  size: number;
  isSelected: (id: number) => boolean;
  toggle: (item: T) => void;
  /** Select (or deselect) many at once: a page. */
  setMany: (items: readonly T[], selected: boolean) => void;
  /** Selects every item matching `query` (`total` of them), replacing what was selected. */
  selectMatching: (query: Q, total: number) => void;
  remove: (ids: Iterable<number>) => void;
  clear: () => void;
  pageState: (page: readonly Identified[]) => PageSelection;
}

const empty = new Map<number, never>();

function withExcept<T extends Identified, Q>(matching: MatchingSelection<T, Q>, items: Iterable<T>, excluded: boolean): MatchingSelection<T, Q> {
  const except = new Map(matching.except);
  for (const item of items) {
    if (excluded) except.set(item.id, item);
    else except.delete(item.id);
  }
  return { ...matching, except };
}

/**
 * A selection keyed by id that outlives paging and sorting, because it holds the items
 * themselves rather than row indexes of the page on screen; or every item matching the list's
 * query. A matching selection holds only while the list shows that query (`scope`, its key): the
 * rows of another filter are not known to match it, so a new filter drops it.
 */
export function useSelection<T extends Identified, Q = unknown>(scope?: string): Selection<T, Q> {
  const [selected, dispatch] = useReducer(selectionReducer<T>, empty as SelectionState<T>);
  const [kept, setMatching] = useState<{ scope: string | undefined; matching: MatchingSelection<T, Q> }>();
  const matching = kept?.scope === scope ? kept?.matching : undefined;
  const update = useCallback((change: (m: MatchingSelection<T, Q>) => MatchingSelection<T, Q>) => setMatching((k) => k && { ...k, matching: change(k.matching) }), []);
  const toggle = useCallback(
    (item: T) => (matching ? update((m) => withExcept(m, [item], !m.except.has(item.id))) : dispatch({ type: 'toggle', item })),
    [matching, update],
  );
  const setMany = useCallback(
    (items: readonly T[], value: boolean) =>
      matching ? update((m) => withExcept(m, items, !value)) : dispatch({ type: 'set', items, selected: value }),
    [matching, update],
  );
  // Only runs of ticked items remove what they did: a matching selection is sent whole, as a task.
  const remove = useCallback((ids: Iterable<number>) => dispatch({ type: 'remove', ids }), []);
  const selectMatching = useCallback(
    (query: Q, total: number) => {
      dispatch({ type: 'clear' });
      setMatching({ scope, matching: { query, total, except: new Map() } });
    },
    [scope],
  );
  const clear = useCallback(() => {
    setMatching(undefined);
    dispatch({ type: 'clear' });
  }, []);
  return useMemo(
    () => ({
      selected: matching ? (empty as SelectionState<T>) : selected,
      matching,
      size: matching ? Math.max(0, matching.total - matching.except.size) : selected.size,
      isSelected: (id: number) => (matching ? !matching.except.has(id) : selected.has(id)),
      toggle,
      setMany,
      selectMatching,
      remove,
      clear,
      pageState: (page: readonly Identified[]) => (matching ? pageSelection(new Map(page.filter((item) => !matching.except.has(item.id)).map((item) => [item.id, item])), page) : pageSelection(selected, page)),
    }),
    [selected, matching, toggle, setMany, selectMatching, remove, clear],
  );
}
