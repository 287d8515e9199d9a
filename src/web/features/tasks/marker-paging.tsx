import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '@/web/lib/format';

interface MarkerPagingProps {
  /** What the pages hold, for the navigation's name: "Task pages". */
  label: string;
  /** Records before this page. */
  before: number;
  shown: number;
  count: number;
  /** What the count counts. */
  counting: 'tasks' | 'devices';
  hasNext: boolean;
  /** The page moved to is still loading: what is shown, `hasNext` with it, is the page before. */
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** The range on screen, the count, and the moves to the previous and next page. */
export function MarkerPaging({ label, before, shown, count, counting, hasNext, busy, onPrevious, onNext }: MarkerPagingProps) {
  const { t } = useLingui();
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const lastMove = useRef<'previous' | 'next' | null>(null);
  const atFirst = before === 0;
  // The range of the rows on screen: while the page moved to loads, those are still the page before's.
  const [shownBefore, setShownBefore] = useState(before);
  if (!busy && shownBefore !== before) setShownBefore(before);

  // The pressed button turns disabled at either end, which would drop keyboard focus to the page;
  // whether the next page is the last is known only once it came.
  useEffect(() => {
    if (busy) return;
    if (lastMove.current === 'next' && !hasNext) previous.current?.focus();
    if (lastMove.current === 'previous' && atFirst) next.current?.focus();
    lastMove.current = null;
  }, [busy, before, atFirst, hasNext]);

  const move = (direction: 'previous' | 'next') => {
    // A second Next before the page came would ask for the same page again.
    if (busy) return;
    lastMove.current = direction;
    if (direction === 'previous') onPrevious();
    else onNext();
  };

  const range = shown === 0 ? t`None` : `${formatCount(shownBefore + 1)}–${formatCount(shownBefore + shown)}`;
  const total = formatCount(count);
  return (
    <nav className="task-paging" aria-label={label}>
      <p className="task-paging-range" aria-live="polite">
        {counting === 'tasks' ? (
          <Trans>
            {range} of <strong>{total}</strong> <Plural value={count} one="task" other="tasks" />
          </Trans>
        ) : (
          <Trans>
            {range} of <strong>{total}</strong> <Plural value={count} one="device" other="devices" />
          </Trans>
        )}
      </p>
      <div className="task-paging-moves">
        <button ref={previous} type="button" className="button" disabled={atFirst} onClick={() => move('previous')}>
          <Trans>Previous</Trans>
        </button>
        <button ref={next} type="button" className="button" disabled={!hasNext} onClick={() => move('next')}>
          <Trans>Next</Trans>
        </button>
      </div>
    </nav>
  );
}
