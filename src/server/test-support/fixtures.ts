import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DeviceRow, NewDeviceRow, ProductRow } from '../db/schema';

let productSeq = 500_000;

export async function addProduct(db: Kysely<Database>, workspaceId = 'default', over: Partial<ProductRow> = {}): Promise<ProductRow> {
  const id = over.id ?? ++productSeq;
  const row: ProductRow = {
    id,
    workspace_id: workspaceId,
    product_key: `pk${id}`,
    product_name: `Product ${id}`,
    manufacturer_id: 'acme',
    model: 'M1',
    protocol_type: 0,
    product_type: 0,
    extend_protocol_name: null,
    ...over,
  };
  await db.insertInto('products').values(row).execute();
  return row;
}

/** Inserts one device with sensible defaults: enabled, offline, not connected, direct, full permissions. */
export async function addDevice(
  db: Kysely<Database>,
  product: ProductRow,
  over: Partial<NewDeviceRow> & { tags?: string[] } = {},
): Promise<DeviceRow> {
  const { tags = [], ...fields } = over;
  const uid = randomUUID().replace(/-/g, '');
  const now = Date.now();
  const row: NewDeviceRow = {
    workspace_id: product.workspace_id,
    product_id: product.id,
    asset_id: `asset${uid.slice(0, 12)}`,
    device_key: `dk${uid.slice(0, 10)}`,
    secret_sealed: null,
    node_id: `node-${uid.slice(0, 12)}`,
    device_name: `device-${uid.slice(0, 6)}`,
    client_id: `C${uid.slice(0, 16)}`,
    app_name: 'app',
    app_id: 'app-default',
    status: 0,
    online_status: 2,
    connected: 0,
    mirrored: 0,
    frozen: 0,
    node_type: 0,
    parent_device_id: null,
    description: '',
    permissions: 'read,access,delete,modify',
    auth_user_name: uid.toUpperCase(),
    created_user: 'admin',
    last_updated_user: 'admin',
    created_datetime: now,
    last_updated_datetime: now,
    last_login_datetime: null,
    last_active_time: null,
    connect_address: '127.0.0.1',
    ssl_connect_address: '127.0.0.1',
    client_ip: null,
    keep_alive: '120',
    version: '1.0.0',
    revision: 1,
    ...fields,
  };
  const inserted = await db.insertInto('devices').values(row).returningAll().executeTakeFirstOrThrow();
  if (tags.length > 0) await db.insertInto('device_tags').values(tags.map((tag) => ({ device_id: inserted.id, tag }))).execute();
  return inserted;
}

/** Every row a refused request must leave untouched, in a stable order, for before/after comparison. */
export async function snapshot(db: Kysely<Database>) {
  const [devices, tags, keys, products, tasks, subtasks] = await Promise.all([
    db.selectFrom('devices').selectAll().orderBy('id').execute(),
    db.selectFrom('device_tags').selectAll().orderBy('device_id').orderBy('tag').execute(),
    db.selectFrom('org_public_keys').selectAll().orderBy('org_id').execute(),
    db.selectFrom('products').selectAll().orderBy('id').execute(),
    db.selectFrom('batch_tasks').selectAll().orderBy('task_id').execute(),
    db.selectFrom('batch_task_details').selectAll().orderBy('task_id').orderBy('seq').execute(),
  ]);
  return { devices, tags, keys, products, tasks, subtasks };
}
