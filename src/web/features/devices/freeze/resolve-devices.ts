import type { QueryClient } from '@tanstack/react-query';
import type { Device } from '@/contracts/device';
import { deviceQueries } from '@/web/api/device-queries';
import { getDevice } from '@/web/api/get-device';
import type { DeviceRef } from '@/web/api/list-matching-devices';

const isDevice = (value: unknown): value is Device => typeof value === 'object' && value !== null && 'iotda_device_id' in value;

/** Every whole device the cache holds, from lists and details, by id. */
function cachedDevices(queryClient: QueryClient): Map<number, Device> {
  const found = new Map<number, Device>();
  for (const [, data] of queryClient.getQueriesData({ queryKey: deviceQueries.all() })) {
    if (typeof data !== 'object' || data === null) continue;
    if ('items' in data && Array.isArray(data.items)) for (const d of data.items) if (isDevice(d)) found.set(d.id, d);
    if ('device' in data && isDevice(data.device)) found.set(data.device.id, data.device);
  }
  return found;
}

/**
 * A resolver from a selection's reference to the whole device: from the cache when the device
 * was on a page the operator saw (its node type, IoTDA id and permissions do not change), else
 * one GET. Read once, before any optimistic patch.
 */
export function deviceResolver(queryClient: QueryClient): (ref: DeviceRef) => Promise<Device> {
  const cached = cachedDevices(queryClient);
  return async (ref) => cached.get(ref.id) ?? (await getDevice(ref.id)).device;
}
