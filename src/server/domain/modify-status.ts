import type { DeviceLocator, EnosDeviceStatus } from '@/contracts/enos';
import type { OnlineStatus } from '@/contracts/device';
import { findDeviceByLocator, lockDevice, updateDeviceState } from '../db/device-lookup';
import { changedFields, type AuditTrail } from '../audit/audit-trail';
import type { DeviceRow } from '../db/schema';
import type { AppDeps } from '../deps';

/** 000's inactive / online / offline are 001's online_status 0 / 1 / 2. */
export const ONLINE_STATUS_OF: Record<EnosDeviceStatus, OnlineStatus> = { inactive: 0, online: 1, offline: 2 };

export type StatusRuleRefusal = 'mirrored' | 'disabled' | 'connected';
export type ModifyStatusRefusal = 'notFound' | StatusRuleRefusal;

/**
 * 000 refuses mirrored, disabled and connected devices, each with its own message; when several
 * apply, the one that no reconnection can change is named first.
 */
export function statusChangeRefusal(device: Pick<DeviceRow, 'mirrored' | 'status' | 'connected'>): StatusRuleRefusal | undefined {
  if (device.mirrored === 1) return 'mirrored';
  if (device.status === 1) return 'disabled';
  if (device.connected === 1) return 'connected';
  return undefined;
}

export interface ModifyStatusRequest {
  workspaceId: string;
  locator: DeviceLocator;
  status: EnosDeviceStatus;
  byUser: string;
  audit: AuditTrail;
}

/** 000: changes the displayed status only; the live connection is neither made nor ended. */
export function modifyDeviceStatus(
  store: Pick<AppDeps, 'db' | 'dialect' | 'liveSessions'>,
  request: ModifyStatusRequest,
): Promise<{ ok: true } | { ok: false; reason: ModifyStatusRefusal }> {
  return store.db.transaction().execute(async (trx) => {
    const found = await findDeviceByLocator(trx, request.workspaceId, request.locator);
    const device = found && (await lockDevice(trx, store.dialect, found.id));
    if (!device) return { ok: false, reason: 'notFound' } as const;
    // A session the gateway has admitted counts before its state is written.
    const live = store.liveSessions?.isLive(device.id) ? 1 : 0;
    const refusal = statusChangeRefusal({ ...device, connected: live || device.connected });
    if (refusal) return { ok: false, reason: refusal } as const;
    const change = { online_status: ONLINE_STATUS_OF[request.status] };
    await updateDeviceState(trx, device.id, change, request.byUser);
    await request.audit.record(trx, [{ action: 'device.modifyStatus', deviceId: device.id, ...changedFields(device, change) }]);
    return { ok: true } as const;
  });
}
