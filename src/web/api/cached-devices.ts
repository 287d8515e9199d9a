import type { QueryKey } from '@tanstack/react-query';
import type { Device } from '@/contracts/device';
import type { ListDevicesResponse } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';

export const isListData = (data: unknown): data is ListDevicesResponse => typeof data === 'object' && data !== null && 'items' in data;
export const isDetailData = (data: unknown): data is DeviceDetail => typeof data === 'object' && data !== null && 'device' in data;

/** The cached queries that hold devices: lists and details, not the history or report under a detail's key. */
export const DEVICE_HOLDERS = {
  queryKey: deviceQueries.all(),
  predicate: ({ queryKey }: { queryKey: QueryKey }) => queryKey[1] === 'list' || (queryKey[1] === 'detail' && queryKey.length === 3),
};

/** A cached list or detail with the devices `ids` replaced; the same object when none of them is in it. */
export function mapCachedDevices(data: unknown, ids: { has: (id: number) => boolean }, replace: (device: Device) => Device): unknown {
  if (isListData(data)) {
    if (!data.items.some((d) => ids.has(d.id))) return data;
    return { ...data, items: data.items.map((d) => (ids.has(d.id) ? replace(d) : d)) };
  }
  if (isDetailData(data) && ids.has(data.device.id)) return { ...data, device: replace(data.device) };
  return data;
}
