import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import type { DeviceSelection } from '@/web/api/device-selection';
import { formatCount } from '@/web/lib/format';

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
  const { t } = useLingui();
  const selected = selection.size;
  const unticked = selection.matching ? formatCount(selection.matching.except.size) : '';
  const matching = formatCount(total);
  const offerAll = pageFullySelected && !selection.matching && total > selection.size;
  return (
    <div className="selection-toolbar" role="region" aria-label={t`Selection`}>
      <p className="selection-count" aria-live="polite">
        {selected === 0 ? t`No device selected` : t`${plural(selected, { one: '# device selected', other: '# devices selected' })}`}
      </p>
      {selection.matching && (
        <p className="selection-scope cell-muted">
          {selection.matching.except.size > 0 ? t`All matching this filter, less ${unticked} unticked` : t`All matching this filter`}
        </p>
      )}
      {offerAll && (
        <button type="button" className="button button-link" onClick={() => selection.selectMatching(filters, total)}>
          <Trans>Select all {matching} matching devices</Trans>
        </button>
      )}
      {selection.size > 0 && (
        <button type="button" className="button button-ghost" onClick={selection.clear}>
          <Trans>Clear selection</Trans>
        </button>
      )}
      <div className="selection-actions">{actions}</div>
    </div>
  );
}
