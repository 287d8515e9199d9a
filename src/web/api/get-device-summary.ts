import { queryOptions } from '@tanstack/react-query';
import { deviceSummarySchema, type DeviceSummary } from '@/contracts/console';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';
import { deviceQueries } from '@/web/api/device-queries';

/** Fleet counts under the list's filters, in one call instead of one list call per count. */
export async function getDeviceSummary(filters: DeviceFilterQuery, signal?: AbortSignal): Promise<DeviceSummary> {
  const { data } = await apiFetch({ path: consoleInstancePath('/device-summary'), query: { ...filters }, schema: deviceSummarySchema, signal });
  return data;
}

// Under the devices key, so invalidating devices after a mutation refreshes the counts too.
export const deviceSummaryQuery = (filters: DeviceFilterQuery) =>
  queryOptions({ queryKey: [...deviceQueries.all(), 'summary', filters], queryFn: ({ signal }) => getDeviceSummary(filters, signal) });
