import type { ReactNode } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { describeError } from '@/web/api/api-error';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import { formatCount, plural } from '@/web/lib/format';
import type { Selection } from '@/web/lib/use-selection';
import { useSelectAllMatching } from '@/web/features/devices/device-list/use-select-all-matching';

interface SelectionToolbarProps {
  selection: Selection<DeviceRef>;
  pageFullySelected: boolean;
  total: number;
  filters: DeviceFilterQuery;
  /** Bulk actions offered for the selection (rendered by the page). */
  actions: ReactNode;
}

/** The selection's count, the offer to select every matching device, clear, and the bulk actions. */
export function SelectionToolbar({ selection, pageFullySelected, total, filters, actions }: SelectionToolbarProps) {
  const matching = useSelectAllMatching(selection);
  const offerAll = pageFullySelected && total > selection.size && !matching.isPending;
  return (
    <div className="selection-toolbar" role="region" aria-label="Selection">
      <p className="selection-count" aria-live="polite">
        {selection.size === 0 ? 'No device selected' : `${plural(selection.size, 'device')} selected`}
      </p>
      {offerAll && (
        <button type="button" className="button button-link" onClick={() => matching.selectAll(filters)}>
          Select all {formatCount(total)} matching devices
        </button>
      )}
      {matching.isPending && (
        <span className="selection-progress" role="status">
          <span className="spinner" aria-hidden="true" />
          Selecting {matching.progress ? `${formatCount(matching.progress.loaded)} of ${formatCount(matching.progress.total)}` : ''} matching devices…
        </span>
      )}
      {matching.error && (
        <span role="alert" className="field-error">
          Could not select all: {describeError(matching.error)}
        </span>
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
