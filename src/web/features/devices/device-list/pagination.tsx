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
  const sizeId = useId();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label="Pagination">
      <p className="pagination-range" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of <strong>{formatCount(total)}</strong> devices
      </p>
      <div className="pagination-size">
        <label htmlFor={sizeId}>Rows per page</label>
        <select id={sizeId} value={limit} onChange={(event) => onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination-moves">
        <button type="button" className="button" onClick={() => onPage(0)} disabled={page <= 1} aria-label="First page">
          «
        </button>
        <button type="button" className="button" onClick={() => onPage(offset - limit)} disabled={page <= 1}>
          Previous
        </button>
        <span className="pagination-page">
          Page {formatCount(page)} of {formatCount(pages)}
        </span>
        <button type="button" className="button" onClick={() => onPage(offset + limit)} disabled={page >= pages}>
          Next
        </button>
        <button type="button" className="button" onClick={() => onPage((pages - 1) * limit)} disabled={page >= pages} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
