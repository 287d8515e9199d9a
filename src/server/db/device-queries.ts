import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DeviceSummary } from '@/contracts/console';
import type { Device } from '@/contracts/device';
import type { DeviceFilter, DeviceSort, ListDevicesParams, SortField, UpdateDeviceBody } from '@/contracts/roma';
import { connectionChanged, forceOffline, type ConnectionState } from '../domain/force-offline';
import { toDevice } from '../device-mapper';
import type { DialectName } from './dialect';
import { countDevices, summarizeMatching } from './device-count';
import { deviceFilterWhere } from './device-filters';
import { tagsByDevice } from './device-tags';
import { idsIn, lockForUpdate } from './dialect';
import type { DeviceListIndex } from './device-list/device-list-index';
import { sortOrder } from './sort-order';
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

// NULL sorts as the largest value in both dialects (PostgreSQL's own default), so its indexes serve both directions.
const NULLABLE_SORT_FIELDS: ReadonlySet<SortField> = new Set(['last_active_time']);

/** The list's order, ending in id so pages are stable; applied alike to the page's ids and to its rows. */
function inSortOrder<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, sort: DeviceSort | undefined): SelectQueryBuilder<DB, TB, O> {
  const { field, direction } = sortOrder(sort);
  const nullable = NULLABLE_SORT_FIELDS.has(field);
  return query
    .orderBy(sql.ref(`devices.${field}`), (ob) => {
      const ordered = direction === 'asc' ? ob.asc() : ob.desc();
      if (!nullable) return ordered;
      return direction === 'asc' ? ordered.nullsLast() : ordered.nullsFirst();
    })
    .orderBy(sql.ref('devices.id'), direction);
}

/** The devices of `ids`, in that order (each one exists: the ids come from the same read transaction). */
async function recordsInOrder(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const found = await selectDeviceRecords(db).where('devices.id', 'in', idsIn(ids)).execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * The list call: `index` (SQLite, see device-list/) answers the total and the page's ids; without
 * one (PostgreSQL, which plans from its statistics), SQL counts and pages.
 */
export async function listDevices(
  db: Db,
  dialect: DialectName,
  workspace: WorkspaceRow,
  params: ListDevicesParams,
  index?: DeviceListIndex,
): Promise<{ total: number; items: Device[] }> {
  if (index) {
    // One read transaction: the rows are read from the same snapshot the index caught up with, and
    // their tags are the index's own.
    return db.transaction().execute(async (trx) => {
      const page = await index.page(trx, workspace.id, params);
      const rows = await recordsInOrder(trx, page.ids);
      return { total: page.total, items: rows.map((r, i) => toDevice(r, [...page.tags[i]!], workspace.instance_id)) };
    });
  }
  const where = deviceFilterWhere(dialect, workspace.id, params);
  // The page's ids come from a sort index alone (filter, order, offset); only those rows are then read
  // and joined. Joining first read and discarded every skipped row: 55 ms at offset 50,000, now 2 ms.
  const pageIds = inSortOrder(db.selectFrom('devices').select('devices.id').where(where), params.sort).limit(params.limit).offset(params.offset);
  const page = () => inSortOrder(selectDeviceRecords(db).where('devices.id', 'in', pageIds), params.sort).execute();
  const [total, rows] = await Promise.all([countDevices(db, where), page()]);
  const tags = await tagsByDevice(
    db,
    rows.map((r) => r.id),
  );
  return { total, items: rows.map((r) => toDevice(r, tags.get(r.id) ?? [], workspace.instance_id)) };
}

export async function getDevice(db: Db, workspace: WorkspaceRow, id: number): Promise<LoadedDevice | undefined> {
  const row = await selectDeviceRecords(db).where('devices.workspace_id', '=', workspace.id).where('devices.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const tags = await tagsByDevice(db, [id]);
  return { device: toDevice(row, tags.get(id) ?? [], workspace.instance_id), revision: row.revision };
}

/** The fleet summary of the workspace's devices matching `filter`: from `index` where there is one (see listDevices). */
export async function summarizeDevices(db: Db, dialect: DialectName, workspaceId: string, filter: DeviceFilter, index?: DeviceListIndex): Promise<DeviceSummary> {
  if (index) return db.transaction().execute((trx) => index.summary(trx, workspaceId, filter));
  return summarizeMatching(db, deviceFilterWhere(dialect, workspaceId, filter));
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
  by: { user: string; now: number; precondition?: (revision: number) => boolean },
): Promise<UpdateOutcome> {
  return db.transaction().execute(async (trx): Promise<UpdateOutcome> => {
    const current = await trx
      .selectFrom('devices')
      .select('revision')
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) return { kind: 'not-found' };
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
      await trx.deleteFrom('device_tags').where('device_id', '=', id).execute();
      if (body.tags.length > 0) await trx.insertInto('device_tags').values(body.tags.map((tag) => ({ device_id: id, tag }))).execute();
    }
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
  by: { user: string; now: number },
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
    for (const row of rows) {
      const next = forceOffline(row);
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

    return new Map(rows.map((r) => [r.id, r.device_name]));
  });
}
