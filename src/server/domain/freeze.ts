import { findDeviceByIotdaId, lockDevice, updateDeviceState, type DeviceStateChange } from '../db/device-lookup';
import { changedFields, type AuditTrail } from '../audit/audit-trail';
import type { DeviceRow } from '../db/schema';
import type { AppDeps } from '../deps';

export type FreezeRefusal = 'notFound' | 'subDevice';
type FreezeState = Pick<DeviceRow, 'node_type' | 'frozen' | 'connected' | 'online_status'>;

/** 003: only devices that connect directly (001 node_type 0 direct, 1 gateway) can be frozen; sub-devices connect through their gateway. */
export const canBeFrozen = (device: Pick<DeviceRow, 'node_type'>): boolean => device.node_type !== 2;

/**
 * The change that freezing makes: a frozen device cannot connect (003), so its live connection
 * ends and a displayed "online" becomes "offline", as force-offline (004) shows it. Undefined
 * when there is nothing to change: freezing a frozen device is not an error.
 */
export function freezeChange(device: FreezeState): DeviceStateChange | undefined {
  const change: DeviceStateChange = {};
  if (device.frozen !== 1) change.frozen = 1;
  if (device.connected !== 0) change.connected = 0;
  if (device.online_status === 1) change.online_status = 2;
  return Object.keys(change).length > 0 ? change : undefined;
}

/** Unfreezing only lifts the ban: the device shows offline until it connects again. */
export function unfreezeChange(device: FreezeState): DeviceStateChange | undefined {
  return device.frozen === 1 ? { frozen: 0 } : undefined;
}

export interface FreezeRequest {
  workspaceId: string;
  /** IoTDA's `{product_id}_{node_id}`. */
  iotdaDeviceId: string;
  frozen: boolean;
  byUser: string;
  audit: AuditTrail;
}

export function setDeviceFrozen(
  store: Pick<AppDeps, 'db' | 'dialect'>,
  request: FreezeRequest,
): Promise<{ ok: true; deviceId: number } | { ok: false; reason: FreezeRefusal }> {
  return store.db.transaction().execute(async (trx) => {
    const found = await findDeviceByIotdaId(trx, request.workspaceId, request.iotdaDeviceId);
    const device = found && (await lockDevice(trx, store.dialect, found.id));
    if (!device) return { ok: false, reason: 'notFound' } as const;
    if (!canBeFrozen(device)) return { ok: false, reason: 'subDevice' } as const;
    const change = request.frozen ? freezeChange(device) : unfreezeChange(device);
    // Only a real change bumps the revision, so a repeated call leaves the device's ETag valid.
    if (change) await updateDeviceState(trx, device.id, change, request.byUser);
    await request.audit.record(trx, [{ action: request.frozen ? 'device.freeze' : 'device.unfreeze', deviceId: device.id, ...changedFields(device, change ?? {}) }]);
    return { ok: true, deviceId: device.id } as const;
  });
}
