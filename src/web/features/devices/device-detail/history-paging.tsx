import { useEffect, useRef } from 'react';
import { formatCount } from '@/web/lib/format';

/** Entries a page; the service keeps the latest 100 a device. */
export const HISTORY_PAGE = 20;

interface HistoryPagingProps {
  offset: number;
  /** Entries on the page on screen. */
  shown: number;
  total: number;
  onPage: (offset: number) => void;
}

/** The range on screen and the moves to newer and older entries. */
export function HistoryPaging({ offset, shown, total, onPage }: HistoryPagingProps) {
  const newer = useRef<HTMLButtonElement>(null);
  const older = useRef<HTMLButtonElement>(null);
  const lastMove = useRef<'newer' | 'older' | null>(null);
  const atNewest = offset === 0;
  const atOldest = offset + HISTORY_PAGE >= total;

  // The pressed button turns disabled at either end, which would drop keyboard focus to the page.
  useEffect(() => {
    if (lastMove.current === 'older' && atOldest) newer.current?.focus();
    if (lastMove.current === 'newer' && atNewest) older.current?.focus();
    lastMove.current = null;
  }, [offset, atNewest, atOldest]);

  const move = (direction: 'newer' | 'older') => {
    lastMove.current = direction;
    onPage(direction === 'newer' ? Math.max(0, offset - HISTORY_PAGE) : offset + HISTORY_PAGE);
  };

  return (
    <nav className="history-paging" aria-label="Connection history pages">
      <span className="cell-muted" aria-live="polite">
        {shown === 0 ? 'None' : `${formatCount(offset + 1)}–${formatCount(offset + shown)}`} of {formatCount(total)}
      </span>
      <button ref={newer} type="button" className="button" disabled={atNewest} onClick={() => move('newer')}>
        Newer
      </button>
      <button ref={older} type="button" className="button" disabled={atOldest} onClick={() => move('older')}>
        Older
      </button>
    </nav>
  );
}
