import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { formatCount } from '@/web/lib/format';
import '@/web/components/offset-paging.css';

interface OffsetPagingProps {
  /** The pages' accessible name, e.g. "Connection history pages". */
  label: string;
  pageSize: number;
  offset: number;
  /** Entries on the page on screen. */
  shown: number;
  total: number;
  onPage: (offset: number) => void;
}

/** The range on screen and the moves to newer and older entries of a newest-first list. */
export function OffsetPaging({ label, pageSize, offset, shown, total, onPage }: OffsetPagingProps) {
  const { t } = useLingui();
  const newer = useRef<HTMLButtonElement>(null);
  const older = useRef<HTMLButtonElement>(null);
  const lastMove = useRef<'newer' | 'older' | null>(null);
  const atNewest = offset === 0;
  const atOldest = offset + pageSize >= total;

  // The pressed button turns disabled at either end, which would drop keyboard focus to the page.
  useEffect(() => {
    if (lastMove.current === 'older' && atOldest) newer.current?.focus();
    if (lastMove.current === 'newer' && atNewest) older.current?.focus();
    lastMove.current = null;
  }, [offset, atNewest, atOldest]);

  const move = (direction: 'newer' | 'older') => {
    lastMove.current = direction;
    onPage(direction === 'newer' ? Math.max(0, offset - pageSize) : offset + pageSize);
  };

  const first = formatCount(offset + 1);
  const last = formatCount(offset + shown);
  const all = formatCount(total);
  return (
    <nav className="offset-paging" aria-label={label}>
      <span className="cell-muted" aria-live="polite">
        {shown === 0 ? t`None of ${all}` : t`${first}–${last} of ${all}`}
      </span>
      <button ref={newer} type="button" className="button" disabled={atNewest} onClick={() => move('newer')}>
        <Trans>Newer</Trans>
      </button>
      <button ref={older} type="button" className="button" disabled={atOldest} onClick={() => move('older')}>
        <Trans>Older</Trans>
      </button>
    </nav>
  );
}
