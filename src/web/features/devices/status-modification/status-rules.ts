import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Device, OnlineStatus } from '@/contracts/device';
import type { EnosDeviceStatus } from '@/contracts/enos';

/** 000's inactive / online / offline are 001's online_status 0 / 1 / 2. */
export const ONLINE_STATUS_OF: Record<EnosDeviceStatus, OnlineStatus> = { inactive: 0, online: 1, offline: 2 };
export const ENOS_STATUS_OF: Record<OnlineStatus, EnosDeviceStatus> = { 0: 'inactive', 1: 'online', 2: 'offline' };

export type StatusRefusal = 'mirrored' | 'disabled' | 'connected';

/**
 * Why 000 would refuse this device, in the order the service checks: what no reconnection can
 * change (mirrored, disabled) before the connection, which "force offline first" can end.
 */
export function statusRefusal(device: Pick<Device, 'mirrored' | 'status' | 'connected'>): StatusRefusal | undefined {
  if (device.mirrored) return 'mirrored';
  if (device.status === 1) return 'disabled';
  if (device.connected) return 'connected';
  return undefined;
}

/** The operator's explanation of each refusal, said before they try. */
export const REFUSAL_EXPLANATIONS: Record<StatusRefusal, MessageDescriptor> = {
  mirrored: msg`This device is mirrored: its status follows the device it mirrors, so it cannot be modified here.`,
  disabled: msg`This device is disabled, and the status of a disabled device cannot be modified. Enable it first (Edit → Enabled), then change its status.`,
  connected: msg`This device is connected right now, and the status of a connected device cannot be modified. You can force it offline first: its live connection ends (it may connect again later), then the status is set.`,
};
