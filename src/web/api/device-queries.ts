import { queryOptions } from '@tanstack/react-query';
import type { ListDevicesQuery } from '@/contracts/roma';
import { getDevice } from '@/web/api/get-device';
import { getDeviceConnections, type HistoryPage } from '@/web/api/get-device-connections';
import { getDeviceReport } from '@/web/api/get-device-report';
import { listDevices } from '@/web/api/list-devices';

/** Device query keys: key-only levels for invalidation, `queryOptions` leaves for fetching. */
export const deviceQueries = {
  all: () => ['devices'] as const,
  lists: () => [...deviceQueries.all(), 'list'] as const,
  list: (params: Omit<ListDevicesQuery, 'fields'>) =>
    queryOptions({ queryKey: [...deviceQueries.lists(), params], queryFn: ({ signal }) => listDevices(params, signal) }),
  details: () => [...deviceQueries.all(), 'detail'] as const,
  detail: (id: number) =>
    queryOptions({ queryKey: [...deviceQueries.details(), id], queryFn: ({ signal }) => getDevice(id, signal) }),
  // The live story sits under the device's detail key, so whatever refreshes that device refreshes it too.
  connections: (id: number, page: HistoryPage) =>
    queryOptions({ queryKey: [...deviceQueries.details(), id, 'connections', page], queryFn: ({ signal }) => getDeviceConnections(id, page, signal) }),
  report: (id: number) =>
    queryOptions({ queryKey: [...deviceQueries.details(), id, 'report'], queryFn: ({ signal }) => getDeviceReport(id, signal) }),
};
