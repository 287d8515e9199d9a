import { t } from '@lingui/core/macro';
import type { Device } from '@/contracts/device';

/** 003: only devices that connect directly can be frozen; a sub-device connects through its gateway. */
export const subDeviceReason = (): string => t`Sub-devices connect through their gateway and cannot be frozen. Freeze the gateway instead.`;

export const canBeFrozen = (device: Pick<Device, 'node_type'>): boolean => device.node_type !== 2;

/**
 * What freezing does, painted before the answer: the device is disconnected, and a displayed
 * "online" becomes "offline" as the service records it. Generic so list items and details both fit.
 */
export const frozenPatch = <T extends Pick<Device, 'frozen' | 'connected' | 'online_status'>>(device: T): T => ({
  ...device,
  frozen: true,
  connected: false,
  online_status: device.online_status === 1 ? 2 : device.online_status,
});

/** Unfreezing only lifts the ban: the device stays offline until it connects again. */
export const unfrozenPatch = <T extends Pick<Device, 'frozen'>>(device: T): T => ({ ...device, frozen: false });

/** 004's effect, painted before the answer: the connection ends and the device shows offline. */
export const offlinePatch = <T extends Pick<Device, 'online_status' | 'connected'>>(device: T): T => ({ ...device, online_status: 2, connected: false });

/** 004 would change nothing: the device is neither connected nor shown otherwise than offline. */
export const isAlreadyOffline = (device: Pick<Device, 'online_status' | 'connected'>): boolean => device.online_status === 2 && !device.connected;
export const alreadyOfflineReason = (): string => t`The device is already offline and not connected.`;

/** 001 `permissions[]`: without `modify`, no action may change the device. */
export const canModify = (device: Pick<Device, 'permissions'>): boolean => device.permissions.includes('modify');
export const noModifyReason = (): string => t`Your permissions on this device do not include modify, so you cannot change it.`;
