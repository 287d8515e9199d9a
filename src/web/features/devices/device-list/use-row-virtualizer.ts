import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type Range, type VirtualizerOptions } from '@tanstack/react-virtual';
import { useLayoutEffect, useReducer, useState } from 'react';

interface RowVirtualizerOptions {
  count: number;
  getScrollElement: () => HTMLDivElement | null;
  rowHeight: number;
  overscan: number;
  rangeExtractor: (range: Range) => number[];
}

type RowsVirtualizer = Virtualizer<HTMLDivElement, Element>;

const rowsOf = (virtualizer: RowsVirtualizer) =>
  virtualizer
    .getVirtualItems()
    .map((item) => item.index)
    .join();

/** Renders when the virtualizer's rows differ from the rows last rendered. */
function renderOnNewRows(rerender: () => void) {
  let rendered = '';
  return {
    onChange: (virtualizer: RowsVirtualizer) => {
      if (rowsOf(virtualizer) !== rendered) rerender();
    },
    rendered: (virtualizer: RowsVirtualizer) => {
      rendered = rowsOf(virtualizer);
    },
  };
}

/**
 * TanStack Virtual's virtualizer for rows of one fixed height, which renders the table only when
 * the rows to show change. Its useVirtualizer renders at every row the view crosses, inside the
 * scroll event, but rows come and go in blocks (see useRowRange): most of those renders gave the
 * same rows, 1-3 ms of the main thread in most frames of a scroll. The render now comes in a task
 * of its own after the scroll event, and the rows rendered ahead (the overscan) cover that frame
 * while a PageDown glides. A jump past them (End, a long wheel turn) shows the empty table for a
 * frame or few before its rows: rendering inside the scroll event held that frame instead, for
 * 70-80 ms on the bench machine, and the key press waited for it.
 */
export function useRowVirtualizer({ rowHeight, ...options }: RowVirtualizerOptions) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [renders] = useState(() => renderOnNewRows(rerender));
  const resolved: VirtualizerOptions<HTMLDivElement, Element> = {
    ...options,
    estimateSize: () => rowHeight,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: renders.onChange,
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    renders.rendered(virtualizer);
    virtualizer._willUpdate();
  });
  return virtualizer;
}
