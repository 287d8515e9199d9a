import type { ReactNode } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import type { DeviceSelection } from '@/web/api/device-selection';
import { formatCount, plural } from '@/web/lib/format';

interface SelectionToolbarProps {
  selection: DeviceSelection;
  pageFullySelected: boolean;
  total: number;
  filters: DeviceFilterQuery;
  /** Bulk actions offered for the selection (rendered by the page). */
  actions: ReactNode;
}

/**
 * The selection's count, the offer to select every matching device, clear, and the bulk actions.
 * Selecting every matching device keeps the filter and the list's count, not the devices: it is
 * instant at any size, and a bulk action sends the filter to the service as a task.
 */
export function SelectionToolbar({ selection, pageFullySelected, total, filters, actions }: SelectionToolbarProps) {
  const offerAll = pageFullySelected && !selection.matching && total > selection.size;
  return (
    <div className="selection-toolbar" role="region" aria-label="Selection">
      <p className="selection-count" aria-live="polite">
        {selection.size === 0 ? 'No device selected' : `${plural(selection.size, 'device')} selected`}
      </p>
      {selection.matching && (
        <p className="selection-scope cell-muted">
          All matching this filter{selection.matching.except.size > 0 ? `, less ${formatCount(selection.matching.except.size)} unticked` : ''}
        </p>
      )}
      {offerAll && (
        <button type="button" className="button button-link" onClick={() => selection.selectMatching(filters, total)}>
          Select all {formatCount(total)} matching devices
        </button>
      )}
      {selection.size > 0 && (
        <button type="button" className="button button-ghost" onClick={selection.clear}>
          Clear selection
        </button>
      )}
      <div className="selection-actions">{actions}</div>
    </div>
  );
}
