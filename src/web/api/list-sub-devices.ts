import type { DeviceFilterQuery } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';

/** How many sub-devices a device page shows; the device list pages through the rest. */
const SUB_DEVICES_SHOWN = 50;

/** The list filter that selects one gateway's sub-devices: for the device page and its link to the list. */
export const subDevicesFilter = (gatewayId: number) => ({ parent_device_id: String(gatewayId) }) satisfies DeviceFilterQuery;

/**
 * A gateway's first sub-devices by id, with their total: one list call the service filters by
 * parent. An ordinary list query, so optimistic patches and refreshes of devices reach it.
 */
export const subDevicesQuery = (gatewayId: number) =>
  deviceQueries.list({ ...subDevicesFilter(gatewayId), sort: 'id', limit: String(SUB_DEVICES_SHOWN) });
