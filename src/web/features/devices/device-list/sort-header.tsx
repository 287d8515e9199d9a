import type { DeviceSort, SortField } from '@/contracts/roma';

interface SortHeaderProps {
  label: string;
  field: SortField;
  sort: DeviceSort | undefined;
  onSort: (sort: DeviceSort) => void;
}

export function ariaSort(field: SortField | undefined, sort: DeviceSort | undefined): 'ascending' | 'descending' | undefined {
  if (!field || !sort) return undefined;
  if (sort === field) return 'ascending';
  return sort === `-${field}` ? 'descending' : undefined;
}

/** A column title that sorts ascending first, then toggles; the cell carries aria-sort. */
export function SortHeader({ label, field, sort, onSort }: SortHeaderProps) {
  const current = ariaSort(field, sort);
  const next: DeviceSort = current === 'ascending' ? `-${field}` : field;
  return (
    <button type="button" className="sort-button" onClick={() => onSort(next)}>
      {label}
      <span className={`sort-icon sort-${current ?? 'none'}`} aria-hidden="true">
        {current === 'descending' ? '▼' : current === 'ascending' ? '▲' : '↕'}
      </span>
    </button>
  );
}
