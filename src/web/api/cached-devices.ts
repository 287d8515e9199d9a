import type { QueryKey } from '@tanstack/react-query';
import type { Device } from '@/contracts/device';
import type { ListedDevice, ListedDevicesResponse } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';

/** A device as the cache holds it: all of it (a detail) or a list's row of it (the listed fields). */
export type CachedDevice = ListedDevice & Partial<Device>;

export const isListData = (data: unknown): data is ListedDevicesResponse => typeof data === 'object' && data !== null && 'items' in data;
export const isDetailData = (data: unknown): data is DeviceDetail => typeof data === 'object' && data !== null && 'device' in data;

/** The cached queries that hold devices: lists and details, not the history or report under a detail's key. */
export const DEVICE_HOLDERS = {
  queryKey: deviceQueries.all(),
  predicate: ({ queryKey }: { queryKey: QueryKey }) => queryKey[1] === 'list' || (queryKey[1] === 'detail' && queryKey.length === 3),
};

/** A cached list or detail with the devices `ids` replaced; the same object when none of them is in it. */
export function mapCachedDevices(data: unknown, ids: { has: (id: number) => boolean }, replace: <T extends CachedDevice>(device: T) => T): unknown {
  if (isListData(data)) {
    if (!data.items.some((d) => ids.has(d.id))) return data;
    return { ...data, items: data.items.map((d) => (ids.has(d.id) ? replace(d) : d)) };
  }
  if (isDetailData(data) && ids.has(data.device.id)) return { ...data, device: replace(data.device) };
  return data;
}
