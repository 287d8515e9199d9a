import { FORCE_OFFLINE_MAX, type DeviceFilterQuery, type ListedDevice } from '@/contracts/roma';
import type { Selection } from '@/web/lib/use-selection';

/**
 * What a selection keeps of a device: enough to confirm, act and report without refetching. Bulk
 * freeze needs the IoTDA id (003's path), the node type (sub-devices cannot be frozen) and the
 * permissions (no change without modify); none of them changes while a device is selected.
 */
export type DeviceRef = Pick<ListedDevice, 'id' | 'device_name' | 'online_status' | 'iotda_device_id' | 'node_type' | 'permissions'>;

/** The reference a row's checkbox puts in the selection. */
export const toDeviceRef = ({ id, device_name, online_status, iotda_device_id, node_type, permissions }: ListedDevice): DeviceRef => ({
  id,
  device_name,
  online_status,
  iotda_device_id,
  node_type,
  permissions,
});

/** The device list's selection: devices ticked, or every device matching the list's filter. */
export type DeviceSelection = Selection<DeviceRef, DeviceFilterQuery>;

/**
 * Whether a bulk action on the selection goes to the service as a batch task. Every matching
 * device always does; ticked devices do past one force-offline call's worth (ROMA: 1,000), since
 * bulk work on thousands of devices is the service's, not a tab's. Fewer are sent from the tab,
 * their rows changed at once and each reported.
 */
export const goesAsTask = (selection: DeviceSelection): boolean => selection.matching !== undefined || selection.size > FORCE_OFFLINE_MAX;
