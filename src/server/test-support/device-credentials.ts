import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DeviceRow, ProductRow } from '../db/schema';
import type { SecretVault } from '../secrets/secret-vault';
import { authenticateDevice } from '../domain/device-auth';
import { addDevice } from './fixtures';

/** A device's IoTDA id, `{product_id}_{node_id}`. */
export const iotdaId = (device: Pick<DeviceRow, 'product_id' | 'node_id'>) => `${device.product_id}_${device.node_id}`;

/** `YYYYMMDDHH` in UTC, written out here rather than imported, so the tests check the service's rule. */
export const utcHour = (at: number) => {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}`;
};

/** What a device sends in its CONNECT, computed from DESIGN.md's rule: ClientId, Username and Password. */
export function connectCredentials(deviceId: string, secret: string, options: { at?: number; signType?: 0 | 1 } = {}) {
  const timestamp = utcHour(options.at ?? Date.now());
  return {
    clientId: `${deviceId}_0_${options.signType ?? 1}_${timestamp}`,
    username: deviceId,
    password: createHmac('sha256', timestamp).update(secret).digest('hex'),
  };
}

/** A device whose secret is known, sealed as the service stores it. */
export function addDeviceWithSecret(
  t: { db: Kysely<Database>; vault: SecretVault },
  product: ProductRow,
  secret: string,
  over: Parameters<typeof addDevice>[2] = {},
): Promise<DeviceRow> {
  const assetId = over.asset_id ?? `asset${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return addDevice(t.db, product, { ...over, asset_id: assetId, secret_sealed: t.vault.seal(secret, assetId) });
}

/** Whether the gateway would admit this device with this secret now. */
export async function canConnect(t: { db: Kysely<Database>; vault: SecretVault }, device: DeviceRow, secret: string): Promise<boolean> {
  const credentials = connectCredentials(iotdaId(device), secret);
  const outcome = await authenticateDevice(t, { ...credentials, password: Buffer.from(credentials.password), now: Date.now() });
  return outcome.ok;
}
