import type { Kysely } from 'kysely';
import type { DEVICE_CSV_COLUMNS } from '@/contracts/device-export';
import type { DeviceFilter, ListDevicesParams } from '@/contracts/roma';
import { idsIn, type DialectName } from './dialect';
import type { DeviceListIndex } from './device-list/device-list-index';
import { inIdOrder } from './in-id-order';
import type { Database, WorkspaceRow } from './schema';

/** Devices read from the database at a time: a bounded share of the export in memory, whatever the fleet's size. */
const DEVICES_PER_READ = 1_000;

export type ExportedDevice = Record<(typeof DEVICE_CSV_COLUMNS)[number], string | number | boolean | null>;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * Every device the filter matches, in the sort's order as the index has it now (its ids alone: 8 bytes
 * a device), read from the database a thousand at a time as the caller takes them, only the columns
 * exported: a whole device row (its sealed secret among them) is several times as much garbage. A
 * device deleted meanwhile is left out; one changed meanwhile is exported as it is then. Times are
 * ISO 8601 and tags one cell, for a spreadsheet.
 */
export async function* exportedDevices(
  db: Kysely<Database>,
  dialect: DialectName,
  workspace: WorkspaceRow,
  query: DeviceFilter & Pick<ListDevicesParams, 'sort'>,
  index: DeviceListIndex,
): AsyncGenerator<ExportedDevice[]> {
  const params: ListDevicesParams = { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const all = await db.transaction().execute((trx) => index.page(trx, workspace.id, params));
  for (let start = 0; start < all.ids.length; start += DEVICES_PER_READ) {
    const ids = all.ids.slice(start, start + DEVICES_PER_READ);
    const rows = await db
      .selectFrom('devices')
      .innerJoin('products', 'products.id', 'devices.product_id')
      .select([
        'devices.id',
        'devices.device_name',
        'devices.product_id',
        'devices.node_id',
        'products.product_name',
        'devices.node_type',
        'devices.status',
        'devices.online_status',
        'devices.frozen',
        'devices.connected',
        'devices.last_active_time',
        'devices.created_datetime',
        'devices.last_updated_datetime',
        'devices.asset_id',
        'products.product_key',
        'devices.device_key',
        'devices.client_id',
        'devices.description',
      ])
      .where('devices.id', 'in', idsIn(dialect, ids))
      .execute();
    yield inIdOrder(ids, rows).map(({ row, at }) => ({
      ...row,
      iotda_device_id: `${row.product_id}_${row.node_id}`,
      frozen: row.frozen === 1,
      connected: row.connected === 1,
      tags: all.tags[start + at]!.join(';'),
      last_active_time: iso(row.last_active_time),
      created_datetime: iso(row.created_datetime),
      last_updated_datetime: iso(row.last_updated_datetime),
    }));
  }
}
