import { useLingui } from '@lingui/react/macro';
import { flexRender, getCoreRowModel, useReactTable, type Row } from '@tanstack/react-table';
import { memo, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { ListedDevice } from '@/contracts/roma';
import type { DeviceSort } from '@/contracts/roma';
import type { DeviceSelection } from '@/web/api/device-selection';
import { deviceColumns, deviceColumnTracks } from '@/web/features/devices/device-list/device-columns';
import { followDeviceLink } from '@/web/features/devices/device-list/follow-device-link';
import { ariaSort, SortHeader } from '@/web/features/devices/device-list/sort-header';
import { TablePageContext, TableSelectionContext } from '@/web/features/devices/device-list/table-selection-context';
import { useRowKeys } from '@/web/features/devices/device-list/use-row-keys';
import { useRowRange } from '@/web/features/devices/device-list/use-row-range';
import { useRowVirtualizer } from '@/web/features/devices/device-list/use-row-virtualizer';
import { useTopOnNewView } from '@/web/features/devices/device-list/use-top-on-new-view';
import '@/web/features/devices/device-list/device-table.css';

interface DeviceTableProps {
  devices: ListedDevice[];
  /** Which list the rows are (filters, sort and page): a new one is shown from its first row. */
  view: string;
  /** Position of the first row in the whole result, for aria-rowindex. */
  offset: number;
  total: number;
  sort: DeviceSort | undefined;
  onSort: (sort: DeviceSort) => void;
  selection: DeviceSelection;
  busy: boolean;
  /** Rows that changed out of the view's filter or order (features/live/list-marks.ts): shown marked, in place. */
  marked?: ReadonlySet<number>;
}

const ROW_HEIGHT = 41;

interface DeviceRowProps {
  row: Row<ListedDevice>;
  /** The row's place in the page, which `row.index` (its place among the rows shown) is not. */
  index: number;
  rowIndex: number;
  moved: boolean;
}

/**
 * One device's row. A refetch or an optimistic patch builds new Row objects for the whole page,
 * but a row whose device is the same object renders the same, so only changed rows render again
 * (a sort click, which keeps the page on screen while the next loads, renders none). A selection
 * change renders only the checkboxes, which read the selection from context; the row's highlight
 * follows its checkbox in CSS.
 */
const DeviceRow = memo(
  function DeviceRow({ row, index, rowIndex, moved }: DeviceRowProps) {
    const { t } = useLingui();
    return (
      <tr
        aria-rowindex={rowIndex}
        data-index={index}
        className={moved ? 'is-moved' : undefined}
        title={moved ? t`Changed: may no longer belong in this view until you refresh` : undefined}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ))}
      </tr>
    );
  },
  (before, after) => before.row.original === after.row.original && before.index === after.index && before.rowIndex === after.rowIndex && before.moved === after.moved,
);

/**
 * The page of devices. Only the rows around the view are in the DOM (see useRowRange), with spacer
 * rows for the gaps, so a page of 999 scrolls like a page of 20 and the table keeps its semantics.
 */
export function DeviceTable({ devices, view, offset, total, sort, onSort, selection, busy, marked }: DeviceTableProps) {
  const { t, i18n } = useLingui();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The service pages the list (manualPagination): otherwise every new page of data, an optimistic
  // patch included, queued a reset of the table's own page index, a state change that rendered the
  // table a second time before the browser could paint the first.
  const { rangeExtractor, focusHandlers } = useRowRange();
  const virtualizer = useRowVirtualizer({ count: devices.length, getScrollElement: () => scrollRef.current, rowHeight: ROW_HEIGHT, overscan: 4, rangeExtractor });
  const items = virtualizer.getVirtualItems();
  // The table's rows are built for the devices shown, not the page: every live update of a page of
  // 999 built 999 Row objects (7 ms a batch, four batches a second under a reporting fleet) to
  // render about 30. The virtualizer keeps `items` while the rows shown stay the same.
  const shown = useMemo(() => items.map((item) => devices[item.index]!), [devices, items]);
  // No React Compiler runs here; the rule only warns that it would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: shown, columns: deviceColumns, getCoreRowModel: getCoreRowModel(), getRowId: (d) => String(d.id), manualPagination: true });
  const rows = table.getRowModel().rows;
  useTopOnNewView(scrollRef, busy ? undefined : view);
  useRowKeys({ scrollRef, devices, selection, scrollToIndex: (index) => virtualizer.scrollToIndex(index) });
  const columnCount = deviceColumns.length;
  const spacer = (key: string, height: number) => (
    <tr key={key} aria-hidden="true" className="spacer">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
  const body: ReactNode[] = [];
  let end = 0;
  for (const [k, item] of items.entries()) {
    if (item.start > end) body.push(spacer(end === 0 ? 'before' : `gap-${item.index}`, item.start - end));
    const row = rows[k]!;
    body.push(<DeviceRow key={row.id} row={row} index={item.index} rowIndex={offset + item.index + 2} moved={marked?.has(row.original.id) ?? false} />);
    end = item.end;
  }
  const after = virtualizer.getTotalSize() - end;
  if (after > 0) body.push(spacer('after', after));

  return (
    <TableSelectionContext.Provider value={selection}>
      <TablePageContext.Provider value={devices}>
        <div className="table-scroll" ref={scrollRef}>
          <table
            className="device-table"
            aria-label={t`Devices`}
            aria-rowcount={total + 1}
            aria-busy={busy || undefined}
            style={{ '--device-columns': deviceColumnTracks } as CSSProperties}
          >
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1}>
                  {group.headers.map((header) => {
                    const field = header.column.columnDef.meta?.sortField;
                    const title = header.column.columnDef.meta?.title;
                    return (
                      <th key={header.id} scope="col" aria-sort={ariaSort(field, sort)}>
                        {field && title ? (
                          <SortHeader label={i18n._(title)} field={field} sort={sort} onSort={onSort} />
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            {/* The click is a device link's (Enter on a focused link clicks it too), handled once for all rows. */}
            {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
            <tbody {...focusHandlers} onClick={followDeviceLink}>
              {body}
            </tbody>
          </table>
        </div>
      </TablePageContext.Provider>
    </TableSelectionContext.Provider>
  );
}
