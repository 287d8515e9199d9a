import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DeviceRow, ProductRow } from '../db/schema';
import type { SecretVault } from '../secrets/secret-vault';
import { connectCredentials } from '@/simulator/iotda-credentials';
import { authenticateDevice } from '../domain/device-auth';
import { addDevice } from './fixtures';

/** A device's IoTDA id, `{product_id}_{node_id}`. */
export const iotdaId = (device: Pick<DeviceRow, 'product_id' | 'node_id'>) => `${device.product_id}_${device.node_id}`;

/** The device side of the CONNECT rule, as the simulator computes it from DESIGN.md: the tests check the service against it. */
export { connectCredentials } from '@/simulator/iotda-credentials';

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
