import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { memo, useCallback, useRef } from 'react';
import { deviceFilterQuerySchema, type DeviceFilterQuery } from '@/contracts/roma';
import { hasFilters, type ListParams } from '@/web/lib/device-list-url';
import { NODE_TYPE_LABELS } from '@/web/lib/format';
import { useShortcutKeys } from '@/web/lib/use-shortcut-keys';
import { DateFilter } from '@/web/features/devices/device-list/date-filter';
import { DebouncedTextFilter } from '@/web/features/devices/device-list/debounced-text-filter';
import { OnlineStatusFilter } from '@/web/features/devices/device-list/online-status-filter';
import { SelectFilter } from '@/web/features/devices/device-list/select-filter';

interface DeviceFiltersProps {
  filters: DeviceFilterQuery;
  update: (patch: Partial<ListParams>) => void;
  clearFilters: () => void;
}

const shape = deviceFilterQuerySchema.shape;
const NODE_TYPES = Object.entries(NODE_TYPE_LABELS) as Array<[string, MessageDescriptor]>;

/**
 * Every filter of ROMA's list call; each writes to the URL, which the list reads. Memoised: a sort
 * click, a page turn or a list refetch leaves its props as they were.
 */
export const DeviceFilters = memo(function DeviceFilters({ filters, update, clearFilters }: DeviceFiltersProps) {
  const { t, i18n } = useLingui();
  const set = useCallback((key: keyof DeviceFilterQuery) => (value: string | undefined) => update({ [key]: value }), [update]);
  const search = useRef<HTMLInputElement>(null);
  useShortcutKeys({
    '/': () => {
      search.current?.focus();
      // Selected, so that typing replaces the last search rather than adding to it.
      search.current?.select();
    },
  });
  return (
    <form className="filters card" aria-label={t`Filters`} role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="filters-grid">
        <div className="filter-wide">
          <DebouncedTextFilter ref={search} label={t`Device name`} type="search" placeholder={t`Search by name…`} value={filters.device_name} schema={shape.device_name} onCommit={set('device_name')} />
        </div>
        <DebouncedTextFilter label={t`Product ID`} inputMode="numeric" value={filters.product_id} schema={shape.product_id} invalidMessage={t`Enter a product ID (digits only).`} onCommit={set('product_id')} />
        <DebouncedTextFilter label={t`Parent gateway ID`} inputMode="numeric" value={filters.parent_device_id} schema={shape.parent_device_id} invalidMessage={t`Enter a gateway's device ID (digits only).`} onCommit={set('parent_device_id')} />
        <DebouncedTextFilter label={t`Node IDs`} placeholder="id1,id2" value={filters.node_id} schema={shape.node_id} invalidMessage={t`Enter node IDs separated by commas.`} onCommit={set('node_id')} />
        <DebouncedTextFilter label={t`Tag`} value={filters.tag} schema={shape.tag} onCommit={set('tag')} />
        <SelectFilter label={t`Node type`} value={filters.node_type} options={NODE_TYPES.map(([value, label]) => [value, i18n._(label)] as const)} onCommit={set('node_type')} />
        <SelectFilter
          label={t`Enabled`}
          value={filters.status}
          options={[
            ['0', t`Enabled`],
            ['1', t`Disabled`],
          ]} onCommit={set('status')} />
        <SelectFilter
          label={t`Frozen`}
          value={filters.frozen}
          options={[
            ['true', t`Frozen`],
            ['false', t`Not frozen`],
          ]} onCommit={set('frozen')} />
        <DateFilter label={t`Created from`} edge="start" value={filters.created_date_start} onCommit={set('created_date_start')} />
        <DateFilter label={t`Created to`} edge="end" value={filters.created_date_end} onCommit={set('created_date_end')} />
        <OnlineStatusFilter value={filters.online_status} onCommit={set('online_status')} />
        <div className="filters-end">
          <button type="button" className="button" onClick={clearFilters} disabled={!hasFilters(filters)}>
            <Trans>Clear filters</Trans>
          </button>
        </div>
      </div>
    </form>
  );
});
