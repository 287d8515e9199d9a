import { queryOptions } from '@tanstack/react-query';
import type { ListDevicesResponse } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import { MAX_PAGE_SIZE } from '@/web/api/list-matching-devices';
import { listDevices } from '@/web/api/list-devices';

const PARALLEL_PAGES = 4;

/**
 * The sub-devices of one gateway. ROMA's list call has no parent filter, so this lists every
 * sub-device (node_type 2) in pages of 999 sorted by id and keeps the gateway's own.
 * The answer has the list's shape, so optimistic patches of devices reach it like any list.
 */
export async function listSubDevices(gatewayId: number, signal?: AbortSignal): Promise<ListDevicesResponse> {
  const page = (offset: number) => listDevices({ node_type: '2', sort: 'id', offset: String(offset), limit: String(MAX_PAGE_SIZE) }, signal);
  const first = await page(0);
  const offsets: number[] = [];
  for (let offset = MAX_PAGE_SIZE; offset < first.total; offset += MAX_PAGE_SIZE) offsets.push(offset);
  const rest: ListDevicesResponse[] = [];
  const worker = async () => {
    for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) rest.push(await page(offset));
  };
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
  const items = [first, ...rest].flatMap((p) => p.items).filter((d) => d.parent_device_id === gatewayId);
  items.sort((a, b) => a.id - b.id);
  return { total: items.length, size: items.length, items };
}

// Under the lists key: a device edit patches and refreshes this list with every other. Kept
// fresh longer than the default, because without a parent filter each read lists every sub-device.
export const subDevicesQuery = (gatewayId: number) =>
  queryOptions({
    queryKey: [...deviceQueries.lists(), 'sub-devices', gatewayId],
    queryFn: ({ signal }) => listSubDevices(gatewayId, signal),
    staleTime: 60_000,
  });
