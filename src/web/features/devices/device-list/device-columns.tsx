import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { createColumnHelper, type HeaderContext, type RowData } from '@tanstack/react-table';
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
    /** The column's title, translated when the header renders. */
    title?: MessageDescriptor;
    /**
     * The column's grid track: every row is a grid of the same tracks (see device-table.css), so
     * columns keep their widths while rows come and go.
     */
    track: string;
  }
}

const column = createColumnHelper<ListedDevice>();

/** A share of the row's width, which may shrink below its content's (the cell cuts it off). */
const share = (fr: number) => `minmax(0,${fr}fr)`;

/** The header of a titled column: its title in the language shown. */
const titleHeader = ({ column: c }: HeaderContext<ListedDevice, unknown>) => {
  const title = c.columnDef.meta?.title;
  return title ? i18n._(title) : null;
};

export const deviceColumns = [
  column.display({ id: 'select', header: () => <PageCheckbox />, cell: ({ row }) => <RowCheckbox device={row.original} />, meta: { track: '44px' } }),
  column.accessor('device_name', {
    header: titleHeader,
    cell: ({ row }) => (
      // A plain link, followed in the console by the table's followDeviceLink: a router Link in
      // every row subscribed each one to the location, work repeated for every row scrolled in.
      <a href={`/devices/${row.original.id}`} className="device-link">
        {row.original.device_name}
      </a>
    ),
    meta: { title: msg`Name`, sortField: 'device_name', track: share(20) },
  }),
  column.accessor((d) => d.product.product_name, {
    id: 'product',
    header: titleHeader,
    cell: ({ row }) => {
      const productId = row.original.product.product_id;
      return (
        <span className="cell-stack">
          {row.original.product.product_name}
          <span className="cell-muted">
            <Trans>ID {productId}</Trans>
          </span>
        </span>
      );
    },
    meta: { title: msg`Product`, track: share(15) },
  }),
  column.accessor('node_id', { header: titleHeader, cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { title: msg`Node ID`, sortField: 'node_id', track: share(15) } }),
  column.accessor('node_type', { header: titleHeader, cell: (c) => i18n._(NODE_TYPE_LABELS[c.getValue()]), meta: { title: msg`Node type`, sortField: 'node_type', track: share(9) } }),
  column.accessor('online_status', {
    header: titleHeader,
    cell: (c) => <StatusBadge kind="online" value={c.getValue()} />,
    meta: { title: msg`Connection`, sortField: 'online_status', track: share(10) },
  }),
  column.accessor('status', { header: titleHeader, cell: (c) => <StatusBadge kind="status" value={c.getValue()} />, meta: { title: msg`Enabled`, sortField: 'status', track: share(9) } }),
  column.accessor('frozen', { header: titleHeader, cell: (c) => <StatusBadge kind="frozen" value={c.getValue()} />, meta: { title: msg`Frozen`, sortField: 'frozen', track: share(8) } }),
  column.accessor('last_active_time', {
    header: titleHeader,
    cell: (c) => formatDateTime(c.getValue()),
    meta: { title: msg`Last active`, sortField: 'last_active_time', track: share(14) },
  }),
];

/** The rows' grid columns. */
export const deviceColumnTracks = deviceColumns.map((c) => c.meta!.track).join(' ');
