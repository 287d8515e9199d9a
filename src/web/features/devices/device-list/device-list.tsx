import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { describeError } from '@/web/api/api-error';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceSelection } from '@/web/api/device-selection';
import { hasFilters, toSearch, type ListParams } from '@/web/lib/device-list-url';
import { DeviceFilters } from '@/web/features/devices/device-list/device-filters';
import { DeviceTable } from '@/web/features/devices/device-list/device-table';
import { ListEmpty, ListError, ListLoading, PastLastPage } from '@/web/features/devices/device-list/list-states';
import { Pagination } from '@/web/features/devices/device-list/pagination';
import { SelectionToolbar } from '@/web/features/devices/device-list/selection-toolbar';
import { useMarkedRows } from '@/web/api/use-marked-rows';
import '@/web/features/devices/device-list/device-list.css';

interface DeviceListProps {
  params: ListParams;
  filters: DeviceFilterQuery;
  update: (patch: Partial<ListParams>) => void;
  clearFilters: () => void;
  selection: DeviceSelection;
  bulkActions: ReactNode;
}

/** Filters, selection and the server-paged table; the previous page stays on screen while the next loads. */
export function DeviceList({ params, filters, update, clearFilters, selection, bulkActions }: DeviceListProps) {
  const { t } = useLingui();
  const listQuery = deviceQueries.list(params);
  const query = useQuery({ ...listQuery, placeholderData: keepPreviousData });
  const { marked, refresh } = useMarkedRows(listQuery.queryKey);
  const offset = Number(params.offset ?? 0);
  const limit = Number(params.limit);
  const data = query.data;
  const page = data?.items ?? [];
  const movedOnPage = page.filter((d) => marked.has(d.id)).length;
  const reason = data && query.isError ? describeError(query.error) : '';

  let body: ReactNode;
  if (query.isPending) body = <ListLoading />;
  else if (!data) body = <ListError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  else if (data.total === 0) body = <ListEmpty filtered={hasFilters(params)} onClear={clearFilters} />;
  else if (page.length === 0) body = <PastLastPage onFirstPage={() => update({ offset: '0' })} />;
  else {
    body = (
      <DeviceTable
        devices={page}
        view={toSearch(params)}
        offset={offset}
        total={data.total}
        sort={params.sort}
        onSort={(sort) => update({ sort })}
        selection={selection}
        busy={query.isPlaceholderData}
        marked={marked}
      />
    );
  }

  return (
    <>
      <DeviceFilters filters={filters} update={update} clearFilters={clearFilters} />
      <section className="card list-card" aria-label={t`Device list`}>
        <SelectionToolbar
          selection={selection}
          pageFullySelected={selection.pageState(page) === 'all'}
          total={data?.total ?? 0}
          filters={filters}
          actions={bulkActions}
        />
        {data && query.isError && (
          <div className="list-banner" role="alert">
            <Trans>Showing earlier results: {reason}</Trans>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              <Trans>Retry</Trans>
            </button>
          </div>
        )}
        {movedOnPage > 0 && (
          <div className="list-banner list-moved" role="status">
            {t`${plural(movedOnPage, { one: '# device changed and may no longer belong in this view.', other: '# devices changed and may no longer belong in this view.' })}`}
            <button type="button" className="button" onClick={refresh}>
              <Trans>Refresh</Trans>
            </button>
          </div>
        )}
        <div className={query.isPlaceholderData ? 'list-body is-stale' : 'list-body'}>{body}</div>
        {data && data.total > 0 && (
          <Pagination
            offset={offset}
            limit={limit}
            total={data.total}
            onPage={(next) => update({ offset: String(Math.max(0, next)) })}
            onPageSize={(size) => update({ limit: String(size) })}
          />
        )}
      </section>
    </>
  );
}
