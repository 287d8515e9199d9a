import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { verifyDeviceSecret } from './device-secret';

export type DeviceAuthRefusal = 'unknownKey' | 'wrongSecret' | 'frozen' | 'disabled';
export type DeviceAuthResult = { ok: true; deviceId: number } | { ok: false; reason: DeviceAuthRefusal };

/**
 * Whether a device may connect with these credentials. The secret is checked before the
 * device's state, so a caller without the secret learns nothing about whether it is frozen
 * (003: a frozen device cannot connect) or disabled (001).
 */
export async function authenticateDevice(
  db: Kysely<Database>,
  productKey: string,
  deviceKey: string,
  secret: string,
): Promise<DeviceAuthResult> {
  const device = await db
    .selectFrom('devices')
    .innerJoin('products', 'products.id', 'devices.product_id')
    .select(['devices.id', 'devices.secret_hash', 'devices.frozen', 'devices.status'])
    .where('products.product_key', '=', productKey)
    .where('devices.device_key', '=', deviceKey)
    .executeTakeFirst();
  if (!device) return { ok: false, reason: 'unknownKey' };
  if (!verifyDeviceSecret(secret, device.secret_hash)) return { ok: false, reason: 'wrongSecret' };
  if (device.frozen === 1) return { ok: false, reason: 'frozen' };
  if (device.status === 1) return { ok: false, reason: 'disabled' };
  return { ok: true, deviceId: device.id };
}
