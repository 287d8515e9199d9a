import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { connectionHistorySchema, type ConnectionHistory } from '@/contracts/console';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';
import { deviceQueries } from '@/web/api/device-queries';

/** A page of the device's connection history, newest first. */
export async function getDeviceConnections(id: number, page: { offset: number; limit: number }, signal?: AbortSignal): Promise<ConnectionHistory> {
  const { data } = await apiFetch({
    path: consoleInstancePath(`/devices/${id}/connections`),
    query: { offset: String(page.offset), limit: String(page.limit) },
    schema: connectionHistorySchema,
    signal,
  });
  return data;
}

// Under the devices key, so a mutation settling (which invalidates every device query) refreshes the history too.
export const deviceConnectionsQuery = (id: number, page: { offset: number; limit: number }) =>
  queryOptions({
    queryKey: [...deviceQueries.all(), 'connections', id, page],
    queryFn: ({ signal }) => getDeviceConnections(id, page, signal),
    // Paging keeps the page on screen until the next one came, so the table does not jump.
    placeholderData: keepPreviousData,
  });
