import type { Kysely, Transaction } from 'kysely';
import type { DeviceLocator } from '@/contracts/enos';
import type { DialectName } from './dialect';
import { lockForUpdate } from './dialect';
import type { Database, DeviceRow } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Every way the documents name a device, always within one workspace: another tenant's device is "not found". */
export function findDeviceById(db: Db, workspaceId: string, id: number): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function findDeviceByLocator(db: Db, workspaceId: string, locator: DeviceLocator): Promise<DeviceRow | undefined> {
  let q = db.selectFrom('devices').selectAll('devices').where('devices.workspace_id', '=', workspaceId);
  if (locator.assetId) {
    q = q.where('devices.asset_id', '=', locator.assetId);
  } else if (locator.productKey && locator.deviceKey) {
    q = q
      .innerJoin('products', 'products.id', 'devices.product_id')
      .where('products.product_key', '=', locator.productKey)
      .where('devices.device_key', '=', locator.deviceKey);
  } else {
    return undefined;
  }
  return q.executeTakeFirst();
}

/** IoTDA's device id is `{product_id}_{node_id}`; node ids may themselves hold underscores. */
export async function findDeviceByIotdaId(db: Db, workspaceId: string, iotdaId: string): Promise<DeviceRow | undefined> {
  const match = /^(\d{1,17})_(.+)$/.exec(iotdaId);
  if (!match) return undefined;
  return db
    .selectFrom('devices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('product_id', '=', Number(match[1]))
    .where('node_id', '=', match[2]!)
    .executeTakeFirst();
}

/** What the gateway reads to admit a CONNECT. */
export type ConnectingDevice = Pick<DeviceRow, 'id' | 'workspace_id' | 'asset_id' | 'secret_sealed' | 'frozen' | 'status' | 'node_type'>;

/** The device an IoTDA id names, in any workspace: a product id is unique across workspaces. */
export function findDeviceForConnect(db: Db, productId: number, nodeId: string): Promise<ConnectingDevice | undefined> {
  return db
    .selectFrom('devices')
    .select(['id', 'workspace_id', 'asset_id', 'secret_sealed', 'frozen', 'status', 'node_type'])
    .where('product_id', '=', productId)
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
}

export type DeviceStateChange = Partial<
  Pick<DeviceRow, 'online_status' | 'connected' | 'frozen' | 'device_key' | 'secret_sealed' | 'device_name' | 'status' | 'description'>
>;

/** Applies a change and bumps the revision (the ETag), so every writer invalidates stale `If-Match` values. */
export async function updateDeviceState(db: Db, id: number, change: DeviceStateChange, byUser: string, now = Date.now()): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => ({ ...change, last_updated_datetime: now, last_updated_user: byUser, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Re-reads a device inside a transaction, locked until it ends, so a rule checked on it still holds when the change is written. */
export function lockDevice(trx: Transaction<Database>, dialect: DialectName, id: number): Promise<DeviceRow | undefined> {
  return lockForUpdate(dialect, trx.selectFrom('devices').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** 002: a device key is unique within its product. */
export async function isDeviceKeyTaken(db: Db, productId: number, deviceKey: string): Promise<boolean> {
  const row = await db.selectFrom('devices').select('id').where('product_id', '=', productId).where('device_key', '=', deviceKey).executeTakeFirst();
  return row !== undefined;
}

/** A unique constraint refused the write (PostgreSQL SQLSTATE 23505, or SQLite's own code). */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
