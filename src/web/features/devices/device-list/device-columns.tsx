import { createColumnHelper, type RowData } from '@tanstack/react-table';
import type { ListedDevice } from '@/contracts/roma';
import type { SortField } from '@/contracts/roma';
import { StatusBadge } from '@/web/components/status-badge';
import { formatDateTime, NODE_TYPE_LABELS } from '@/web/lib/format';
import { PageCheckbox, RowCheckbox } from '@/web/features/devices/device-list/selection-cells';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The list call's `sort` field for this column; absent when the service cannot sort by it. */
    sortField?: SortField;
    /**
     * The column's grid track: every row is a grid of the same tracks (see device-table.css), so
     * columns keep their widths while rows come and go.
     */
    track: string;
  }
}

const column = createColumnHelper<ListedDevice>();

/** A share of the row's width, which may shrink below its content's (the cell cuts it off). */
const share = (fr: number) => `minmax(0, ${fr}fr)`;

export const deviceColumns = [
  column.display({ id: 'select', header: () => <PageCheckbox />, cell: ({ row }) => <RowCheckbox device={row.original} />, meta: { track: '44px' } }),
  column.accessor('device_name', {
    header: 'Name',
    cell: ({ row }) => (
      // A plain link, followed in the console by the table's followDeviceLink: a router Link in
      // every row subscribed each one to the location, work repeated for every row scrolled in.
      <a href={`/devices/${row.original.id}`} className="device-link">
        {row.original.device_name}
      </a>
    ),
    meta: { sortField: 'device_name', track: share(20) },
  }),
  column.accessor((d) => d.product.product_name, {
    id: 'product',
    header: 'Product',
    cell: ({ row }) => (
      <span className="cell-stack">
        {row.original.product.product_name}
        <span className="cell-muted">ID {row.original.product.product_id}</span>
      </span>
    ),
    meta: { track: share(15) },
  }),
  column.accessor('node_id', { header: 'Node ID', cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { sortField: 'node_id', track: share(15) } }),
  column.accessor('node_type', { header: 'Node type', cell: (c) => NODE_TYPE_LABELS[c.getValue()], meta: { sortField: 'node_type', track: share(9) } }),
  column.accessor('online_status', {
    header: 'Connection',
    cell: (c) => <StatusBadge kind="online" value={c.getValue()} />,
    meta: { sortField: 'online_status', track: share(10) },
  }),
  column.accessor('status', { header: 'Enabled', cell: (c) => <StatusBadge kind="status" value={c.getValue()} />, meta: { sortField: 'status', track: share(9) } }),
  column.accessor('frozen', { header: 'Frozen', cell: (c) => <StatusBadge kind="frozen" value={c.getValue()} />, meta: { sortField: 'frozen', track: share(8) } }),
  column.accessor('last_active_time', {
    header: 'Last active',
    cell: (c) => formatDateTime(c.getValue()),
    meta: { sortField: 'last_active_time', track: share(14) },
  }),
];

/** The rows' grid columns. */
export const deviceColumnTracks = deviceColumns.map((c) => c.meta!.track).join(' ');
