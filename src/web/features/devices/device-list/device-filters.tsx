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
const NODE_TYPES = Object.entries(NODE_TYPE_LABELS) as Array<[string, string]>;

/**
 * Every filter of ROMA's list call; each writes to the URL, which the list reads. Memoised: a sort
 * click, a page turn or a list refetch leaves its props as they were.
 */
export const DeviceFilters = memo(function DeviceFilters({ filters, update, clearFilters }: DeviceFiltersProps) {
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
    <form className="filters card" aria-label="Filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="filters-grid">
        <div className="filter-wide">
          <DebouncedTextFilter ref={search} label="Device name" type="search" placeholder="Search by name…" value={filters.device_name} schema={shape.device_name} onCommit={set('device_name')} />
        </div>
        <DebouncedTextFilter label="Product ID" inputMode="numeric" value={filters.product_id} schema={shape.product_id} invalidMessage="Enter a product ID (digits only)." onCommit={set('product_id')} />
        <DebouncedTextFilter label="Parent gateway ID" inputMode="numeric" value={filters.parent_device_id} schema={shape.parent_device_id} invalidMessage="Enter a gateway's device ID (digits only)." onCommit={set('parent_device_id')} />
        <DebouncedTextFilter label="Node IDs" placeholder="id1,id2" value={filters.node_id} schema={shape.node_id} invalidMessage="Enter node IDs separated by commas." onCommit={set('node_id')} />
        <DebouncedTextFilter label="Tag" value={filters.tag} schema={shape.tag} onCommit={set('tag')} />
        <SelectFilter label="Node type" value={filters.node_type} options={NODE_TYPES} onCommit={set('node_type')} />
        <SelectFilter label="Enabled" value={filters.status} options={[['0', 'Enabled'], ['1', 'Disabled']]} onCommit={set('status')} />
        <SelectFilter label="Frozen" value={filters.frozen} options={[['true', 'Frozen'], ['false', 'Not frozen']]} onCommit={set('frozen')} />
        <DateFilter label="Created from" edge="start" value={filters.created_date_start} onCommit={set('created_date_start')} />
        <DateFilter label="Created to" edge="end" value={filters.created_date_end} onCommit={set('created_date_end')} />
        <OnlineStatusFilter value={filters.online_status} onCommit={set('online_status')} />
        <div className="filters-end">
          <button type="button" className="button" onClick={clearFilters} disabled={!hasFilters(filters)}>
            Clear filters
          </button>
        </div>
      </div>
    </form>
  );
});
