import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { PAGE_SIZES } from '@/web/lib/device-list-url';
import { formatCount } from '@/web/lib/format';

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
  onPageSize: (limit: number) => void;
}

/** Server-side paging: the range on screen, the total, the page size, and moves between pages. */
export function Pagination({ offset, limit, total, onPage, onPageSize }: PaginationProps) {
  const { t } = useLingui();
  const sizeId = useId();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const from = formatCount(first);
  const to = formatCount(last);
  const count = formatCount(total);
  const pageNumber = formatCount(page);
  const pageCount = formatCount(pages);
  return (
    <nav className="pagination" aria-label={t`Pagination`}>
      <p className="pagination-range" aria-live="polite">
        <Trans>
          {from}–{to} of <strong>{count}</strong> devices
        </Trans>
      </p>
      <div className="pagination-size">
        <label htmlFor={sizeId}>
          <Trans>Rows per page</Trans>
        </label>
        <select id={sizeId} value={limit} onChange={(event) => onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination-moves">
        <button type="button" className="button" onClick={() => onPage(0)} disabled={page <= 1} aria-label={t`First page`}>
          «
        </button>
        <button type="button" className="button" onClick={() => onPage(offset - limit)} disabled={page <= 1}>
          <Trans>Previous</Trans>
        </button>
        <span className="pagination-page">
          <Trans>
            Page {pageNumber} of {pageCount}
          </Trans>
        </span>
        <button type="button" className="button" onClick={() => onPage(offset + limit)} disabled={page >= pages}>
          <Trans>Next</Trans>
        </button>
        <button type="button" className="button" onClick={() => onPage((pages - 1) * limit)} disabled={page >= pages} aria-label={t`Last page`}>
          »
        </button>
      </div>
    </nav>
  );
}
