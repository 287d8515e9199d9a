import type { Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type FocusEvent } from 'react';

/**
 * Rows are added and removed this many at a time. Each block added costs a frame of rendering,
 * style, layout and paint; blocks of 16 made those frames 30-65 ms on the bench machine, long
 * enough to delay the next key press, and blocks of 8 halve them.
 */
const BLOCK = 8;

/** A page this short is rendered whole, so find-in-page and a screen reader's table navigation see all of it. */
const WHOLE_PAGE = 32;

/**
 * The rows in view and `overscan` beyond, widened to whole blocks of BLOCK rows: scrolling changes
 * the DOM once per block rather than at every row, so most frames of a scroll are the compositor's
 * alone. Rendering the range row by row cost a 999-row page 10-40 ms of rendering, layout and paint
 * in every frame of a PageDown.
 */
function blockRange({ startIndex, endIndex, overscan, count }: Range): number[] {
  if (count <= WHOLE_PAGE) return Array.from({ length: count }, (_, i) => i);
  const first = Math.max(0, Math.floor((startIndex - overscan) / BLOCK) * BLOCK);
  const last = Math.min(count - 1, (Math.floor((endIndex + overscan) / BLOCK) + 1) * BLOCK - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Which of the virtualizer's rows are in the DOM: see blockRange, and the row holding the keyboard
 * focus, kept while it is scrolled out of view. Otherwise the row left the DOM with its focused
 * checkbox, focus fell back to the page, and the next PageDown scrolled the page instead of the
 * table. The rows are numbered by `data-index`.
 */
export function useRowRange() {
  // A ref, not state: moving the focus from row to row renders nothing; the range is read on scroll.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = blockRange(range);
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
