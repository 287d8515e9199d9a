import { z } from 'zod';
import { deviceSchema, type Device } from '@/contracts/device';
import { listDevicesResponseSchema, type DeviceFilterQuery } from '@/contracts/roma';
import { apiFetch } from '@/web/api/client';
import { romaDevicesPath } from '@/web/api/device-paths';

/**
 * What a selection keeps of a device: enough to confirm, act and report without refetching. Bulk
 * freeze needs the IoTDA id (003's path), the node type (sub-devices cannot be frozen) and the
 * permissions (no change without modify); none of them changes while a device is selected.
 */
const deviceRefSchema = deviceSchema.pick({ id: true, device_name: true, online_status: true, iotda_device_id: true, node_type: true, permissions: true });
export type DeviceRef = z.infer<typeof deviceRefSchema>;

/** The reference a row's checkbox puts in the selection. */
export const toDeviceRef = ({ id, device_name, online_status, iotda_device_id, node_type, permissions }: Device): DeviceRef => ({
  id,
  device_name,
  online_status,
  iotda_device_id,
  node_type,
  permissions,
});

// Parsing only these fields keeps resolving 100,000 devices cheap: zod drops the rest unread.
const deviceRefPageSchema = listDevicesResponseSchema.extend({ items: z.array(deviceRefSchema) });

/** The list call's maximum page (ROMA: limit 1-999). */
export const MAX_PAGE_SIZE = 999;
const PARALLEL_PAGES = 4;

export interface MatchingProgress {
  loaded: number;
  total: number;
}

async function fetchPage(filters: DeviceFilterQuery, offset: number, signal?: AbortSignal) {
  const query = { ...filters, offset: String(offset), limit: String(MAX_PAGE_SIZE), sort: 'id' };
  const { data } = await apiFetch({ path: romaDevicesPath(), query, schema: deviceRefPageSchema, signal });
  return data;
}

/**
 * Every device matching the filters, resolved through the list call in pages of 999 sorted by
 * id (a stable order, so pages neither overlap nor skip while nothing changes). No cap.
 */
export async function listMatchingDevices(
  filters: DeviceFilterQuery,
  onProgress?: (progress: MatchingProgress) => void,
  signal?: AbortSignal,
): Promise<DeviceRef[]> {
  const first = await fetchPage(filters, 0, signal);
  const found = new Map<number, DeviceRef>(first.items.map((d) => [d.id, d]));
  onProgress?.({ loaded: found.size, total: first.total });
  const offsets: number[] = [];
  for (let offset = MAX_PAGE_SIZE; offset < first.total; offset += MAX_PAGE_SIZE) offsets.push(offset);

  const worker = async () => {
    for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) {
      const page = await fetchPage(filters, offset, signal);
      for (const device of page.items) found.set(device.id, device);
      onProgress?.({ loaded: found.size, total: first.total });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
  return [...found.values()];
}
