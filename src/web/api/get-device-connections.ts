import { connectionHistorySchema, type ConnectionHistory } from '@/contracts/console';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';

/** A window of the history: `limit` 1–100, newest first from `offset`. */
export interface HistoryPage {
  offset: number;
  limit: number;
}

/** A page of the device's connection history, newest first. */
export async function getDeviceConnections(id: number, page: HistoryPage, signal?: AbortSignal): Promise<ConnectionHistory> {
  const { data } = await apiFetch({
    path: consoleInstancePath(`/devices/${id}/connections`),
    query: { offset: page.offset, limit: page.limit },
    schema: connectionHistorySchema,
    signal,
  });
  return data;
}
