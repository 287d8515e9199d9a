/** Anything selectable by a numeric id; the selection keeps what the bulk actions need. */
export interface Identified {
  id: number;
}

export type SelectionState<T extends Identified> = ReadonlyMap<number, T>;

export type SelectionAction<T extends Identified> =
  | { type: 'toggle'; item: T }
  | { type: 'set'; items: readonly T[]; selected: boolean }
  | { type: 'remove'; ids: Iterable<number> }
  | { type: 'clear' };

/** Pure transitions of a selection that spans pages, sorts and filters. */
export function selectionReducer<T extends Identified>(state: SelectionState<T>, action: SelectionAction<T>): SelectionState<T> {
  switch (action.type) {
    case 'toggle': {
      const next = new Map(state);
      if (next.has(action.item.id)) next.delete(action.item.id);
      else next.set(action.item.id, action.item);
      return next;
    }
    case 'set': {
      const next = new Map(state);
      for (const item of action.items) {
        if (action.selected) next.set(item.id, item);
        else next.delete(item.id);
      }
      return next;
    }
    case 'remove': {
      const next = new Map(state);
      for (const id of action.ids) next.delete(id);
      return next.size === state.size ? state : next;
    }
    case 'clear':
      return state.size === 0 ? state : new Map();
  }
}

export type PageSelection = 'none' | 'some' | 'all';

/** The state of a page's header checkbox: all, some (indeterminate) or none of its rows. */
export function pageSelection<T extends Identified>(state: SelectionState<T>, page: readonly Identified[]): PageSelection {
  // Nothing selected is the common case, and a page may hold 999 rows.
  if (page.length === 0 || state.size === 0) return 'none';
  let count = 0;
  for (const item of page) if (state.has(item.id)) count += 1;
  if (count === 0) return 'none';
  return count === page.length ? 'all' : 'some';
}
