import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Shows a new list (another sort, page or filter) from its first row. The scroller kept the
 * previous list's position, so a sort or a page turn made at the bottom of a long page showed the
 * bottom of the new one. `view` names the list whose rows are shown; undefined while the previous
 * rows stay on screen and the next load. The scroll event is sent at once so that the virtualizer
 * renders the first rows before the browser paints, rather than after a frame of empty table.
 */
export function useTopOnNewView(scrollRef: RefObject<HTMLElement | null>, view: string | undefined) {
  const shown = useRef(view);
  useLayoutEffect(() => {
    if (view === undefined || view === shown.current) return;
    const before = shown.current;
    shown.current = view;
    const scroller = scrollRef.current;
    if (before === undefined || !scroller || scroller.scrollTop === 0) return;
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
  }, [scrollRef, view]);
}
