import type { Kysely } from 'kysely';
import type { DeviceSummary } from '@/contracts/console';
import type { Device } from '@/contracts/device';
import type { DeviceFilter, ListDevicesParams, UpdateDeviceBody } from '@/contracts/roma';
import { connectionChanged, forceOffline, type ConnectionState } from '../domain/force-offline';
import { changedFields, type AuditEntry, type AuditTrail, type FieldValues } from '../audit/audit-trail';
import { toDevice } from '../device-mapper';
import type { DialectName } from './dialect';
import { tagsByDevice } from './device-tags';
import { inIdOrder } from './in-id-order';
import { idsIn, lockForUpdate, readInOrder } from './dialect';
import type { DeviceListIndex } from './device-list/device-list-index';
import type { Database, WorkspaceRow } from './schema';

type Db = Kysely<Database>;

/** A device as the API shows it, with the revision its ETag is made of. */
export interface LoadedDevice {
  device: Device;
  revision: number;
}

/** Devices with their product and their parent's name, in one query. */
function selectDeviceRecords(db: Db) {
  return db
    .selectFrom('devices')
    .innerJoin('products', 'products.id', 'devices.product_id')
    .leftJoin('devices as parent', 'parent.id', 'devices.parent_device_id')
    .selectAll('devices')
    .select([
      'products.product_key',
      'products.product_name',
      'products.manufacturer_id',
      'products.model',
      'products.protocol_type',
      'products.product_type',
      'products.extend_protocol_name',
      'parent.device_name as parent_device_name',
    ]);
}

/**
 * The devices of `ids`, in that order, each with its index in `ids`. On SQLite each one exists: the
 * ids come from the same read transaction. On PostgreSQL a device deleted since the index caught up
 * is left out.
 */
async function recordsInOrder(db: Db, dialect: DialectName, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return inIdOrder(ids, await selectDeviceRecords(db).where('devices.id', 'in', idsIn(dialect, ids)).execute());
}

/** The list call: `index` (device-list/) answers the total and the page's ids, the database their devices. */
export async function listDevices(
  db: Db,
  dialect: DialectName,
  workspace: WorkspaceRow,
  params: ListDevicesParams,
  index: DeviceListIndex,
): Promise<{ total: number; items: Device[] }> {
  // On SQLite the rows are read from the same snapshot the index caught up with; on PostgreSQL from
  // one at least as new. Their tags are the index's own.
  return readInOrder(db, dialect, async (reads) => {
    const page = await index.page(reads, workspace.id, params);
    const rows = await recordsInOrder(reads, dialect, page.ids);
    return { total: page.total, items: rows.map(({ row, at }) => toDevice(row, [...page.tags[at]!], workspace.instance_id)) };
  });
}

export async function getDevice(db: Db, workspace: WorkspaceRow, id: number): Promise<LoadedDevice | undefined> {
  const row = await selectDeviceRecords(db).where('devices.workspace_id', '=', workspace.id).where('devices.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const tags = await tagsByDevice(db, [id]);
  return { device: toDevice(row, tags.get(id) ?? [], workspace.instance_id), revision: row.revision };
}

/** The fleet summary of the workspace's devices matching `filter`, from `index` (see listDevices). */
export async function summarizeDevices(db: Db, dialect: DialectName, workspaceId: string, filter: DeviceFilter, index: DeviceListIndex): Promise<DeviceSummary> {
  return readInOrder(db, dialect, (reads) => index.summary(reads, workspaceId, filter));
}

export type UpdateOutcome = { kind: 'updated'; loaded: LoadedDevice } | { kind: 'not-found' } | { kind: 'stale'; revision: number };

/**
 * 001 "Modifying a Device". With `precondition` (from If-Match) the check and the write are one
 * transaction and the UPDATE is guarded by the revision it checked, so a concurrent writer makes it stale.
 */
export async function updateDevice(
  db: Db,
  workspace: WorkspaceRow,
  id: number,
  body: UpdateDeviceBody,
  by: { user: string; now: number; audit: AuditTrail; precondition?: (revision: number) => boolean },
): Promise<UpdateOutcome> {
  return db.transaction().execute(async (trx): Promise<UpdateOutcome> => {
    const current = await trx
      .selectFrom('devices')
      .select(['revision', 'device_name', 'status', 'description'])
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) return { kind: 'not-found' };
    const before: FieldValues = { device_name: current.device_name, status: current.status, description: current.description };
    const after: FieldValues = { device_name: body.device_name, status: body.status };
    if (body.description !== undefined) after.description = body.description;
    const { precondition } = by;
    if (precondition && !precondition(current.revision)) return { kind: 'stale', revision: current.revision };
    const result = await trx
      .updateTable('devices')
      .set((eb) => ({
        device_name: body.device_name,
        status: body.status,
        ...(body.description === undefined ? {} : { description: body.description }),
        last_updated_user: by.user,
        last_updated_datetime: by.now,
        revision: eb('revision', '+', 1),
      }))
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', id)
      .$if(precondition !== undefined, (q) => q.where('revision', '=', current.revision))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return { kind: 'stale', revision: current.revision };
    if (body.tags) {
      before.tags = (await trx.selectFrom('device_tags').select('tag').where('device_id', '=', id).orderBy('tag').execute()).map((t) => t.tag);
      after.tags = [...body.tags].sort();
      await trx.deleteFrom('device_tags').where('device_id', '=', id).execute();
      if (body.tags.length > 0) await trx.insertInto('device_tags').values(body.tags.map((tag) => ({ device_id: id, tag }))).execute();
    }
    await by.audit.record(trx, [{ action: 'device.update', deviceId: id, ...changedFields(before, after) }], by.now);
    const loaded = await getDevice(trx, workspace, id);
    return loaded ? { kind: 'updated', loaded } : { kind: 'not-found' };
  });
}

/**
 * 004 for up to 1,000 ids in one transaction: one locking SELECT, then one UPDATE per distinct
 * resulting state (the rule yields one), never a query per device. Answers the name of each id
 * found in the workspace; every one of them is now disconnected.
 */
export async function forceDevicesOffline(
  db: Db,
  dialect: DialectName,
  workspaceId: string,
  ids: readonly number[],
  by: { user: string; now: number; audit: AuditTrail },
): Promise<Map<number, string>> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockForUpdate(
      dialect,
      trx
        .selectFrom('devices')
        .select(['id', 'device_name', 'connected', 'online_status'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        // One lock order for every caller, so two overlapping batches cannot deadlock.
        .orderBy('id'),
    ).execute();

    const changes = new Map<string, { state: ConnectionState; ids: number[] }>();
    const records: AuditEntry[] = [];
    for (const row of rows) {
      const next = forceOffline(row);
      records.push({ action: 'device.forceOffline', deviceId: row.id, ...changedFields(row, next) });
      if (!connectionChanged(row, next)) continue;
      const key = `${next.connected}:${next.online_status}`;
      const group = changes.get(key) ?? { state: next, ids: [] };
      group.ids.push(row.id);
      changes.set(key, group);
    }
    for (const { state, ids: changed } of changes.values()) {
      await trx
        .updateTable('devices')
        .set((eb) => ({ ...state, last_updated_user: by.user, last_updated_datetime: by.now, revision: eb('revision', '+', 1) }))
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', changed)
        .execute();
    }
    await by.audit.record(trx, records, by.now);
    return new Map(rows.map((r) => [r.id, r.device_name]));
  });
}
