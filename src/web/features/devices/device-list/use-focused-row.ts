import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type FocusEvent } from 'react';

/**
 * Keeps the row holding the keyboard focus among the virtualizer's rows while it is scrolled out of
 * view. Otherwise the row left the DOM with its focused checkbox, focus fell back to the page, and
 * the next PageDown scrolled the page instead of the table. The rows are numbered by `data-index`.
 */
export function useFocusedRow() {
  // A ref, not state: moving the focus from row to row renders nothing; the range is read on scroll.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const kept = focused.current;
    if (kept === null || kept >= range.count || indexes.includes(kept)) return indexes;
    return [...indexes, kept].sort((a, b) => a - b);
  }, []);
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const row = event.target.closest<HTMLElement>('tr[data-index]');
    focused.current = row ? Number(row.dataset.index) : null;
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) focused.current = null;
  };
  return { rangeExtractor, focusHandlers: { onFocus, onBlur } };
}
