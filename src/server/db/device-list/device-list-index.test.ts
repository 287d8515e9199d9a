import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listDevicesQuerySchema, SORT_FIELDS, type ListDevicesQuery } from '@/contracts/roma';
import { DEFAULT_WORKSPACE, ensureWorkspace } from '../bootstrap';
import { openDatabase, type DatabaseHandle } from '../connect';
import { migrate } from '../migrations';
import type { Database } from '../schema';
import { seedDemoFleetOnce } from '../seed/seed-fleet';
import { idsInListOrder } from '../../test-support/list-order';
import type { DeviceListIndex } from './device-list-index';
import type { LISTED_COLUMNS } from './listed-devices';
import { throwawayVault } from '../../test-support/vault';

// The index answers from memory what SQL answers from the table; these tests hold every sort and
// filter to SQL's own answer, on a database that changes after the index has read it.
const handles: DatabaseHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function fleet(count: number, sqlitePath = ':memory:') {
  const handle = openDatabase({ sqlitePath });
  handles.push(handle);
  await migrate(handle.db, handle.dialect);
  await ensureWorkspace(handle.db);
  await seedDemoFleetOnce(handle.db, handle.dialect, { count, now: Date.UTC(2026, 10, 1), vault: throwawayVault() });
  return handle;
}

const pageOf = (index: DeviceListIndex, db: Kysely<Database>, query: ListDevicesQuery) =>
  db.transaction().execute((trx) => index.page(trx, DEFAULT_WORKSPACE.id, listDevicesQuerySchema.parse({ limit: '999', ...query })));

/** SQL's answer: every id of the workspace in `sort`'s order (see idsInListOrder). */
const sqlOrder = (db: Kysely<Database>, sort: string, where: { status?: number; name?: string } = {}) => idsInListOrder(db, 'sqlite', sort, where);

const SORTS = SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);

/** Every sort, at the start and from a deep offset (read from the far end), against SQL. */
async function expectSortsMatchSql(handle: DatabaseHandle, where: { status?: 0 | 1 } = {}) {
  const filter = where.status === undefined ? {} : { status: String(where.status) as '0' | '1' };
  for (const sort of SORTS) {
    const all = await sqlOrder(handle.db, sort, where);
    const first = await pageOf(handle.listIndex!, handle.db, { ...filter, sort, limit: '40' });
    expect({ total: first.total, ids: first.ids }, sort).toEqual({ total: all.length, ids: all.slice(0, 40) });
    const deep = await pageOf(handle.listIndex!, handle.db, { ...filter, sort, offset: String(all.length - 25), limit: '40' });
    expect(deep.ids, `${sort} from the far end`).toEqual(all.slice(-25));
  }
}

/** Copies of `ids` with new ids, keys and node ids: devices the index has not seen. */
async function insertCopies(db: Kysely<Database>, ids: number[]) {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info('devices') WHERE name <> 'id'`.execute(db);
  const changed: Record<string, string> = { asset_id: `asset_id || '-copy'`, device_key: `device_key || '-c'`, node_id: `node_id || '-c'` };
  const columns = rows.map((r) => r.name);
  await sql`INSERT INTO devices (${sql.raw(columns.join(', '))})
    SELECT ${sql.raw(columns.map((c) => changed[c] ?? c).join(', '))} FROM devices WHERE id IN (${sql.join(ids)})`.execute(db);
}

describe('the device list index', () => {
  it('orders every sort field as SQL does, and keeps each order in step with changes', async () => {
    const handle = await fleet(400);
    const { db } = handle;
    await expectSortsMatchSql(handle);

    const ids = (await sqlOrder(db, 'id')).slice(0, 60);
    // Names that order differently by UTF-16 code unit and by UTF-8 byte (SQLite's BINARY), or only by case.
    const names = ['dev-\u{1F600}-a', 'dev-\uE000-b', 'dev-\uFFFD-c', 'Dev-upper', 'dev-lower', 'dev-é'];
    for (const [i, name] of names.entries()) await db.updateTable('devices').set({ device_name: name, node_id: name }).where('id', '=', ids[i]!).execute();
    await db.updateTable('devices').set({ last_active_time: null }).where('id', 'in', ids.slice(6, 12)).execute();
    await db.updateTable('devices').set({ last_active_time: 1 }).where('id', 'in', ids.slice(12, 16)).execute();
    await db.updateTable('devices').set({ online_status: 2, status: 1, frozen: 1, last_updated_datetime: 5 }).where('id', 'in', ids.slice(16, 30)).execute();
    await db.updateTable('devices').set({ created_datetime: 7, node_type: 2 }).where('id', 'in', ids.slice(30, 36)).execute();
    // Sub-devices: a gateway cannot be deleted while its sub-devices point at it.
    const subDevices = await db.selectFrom('devices').select('id').where('parent_device_id', 'is not', null).orderBy('id', 'desc').limit(4).execute();
    await db.deleteFrom('devices').where('id', 'in', subDevices.map((d) => d.id)).execute();
    await insertCopies(db, ids.slice(40, 50));
    await ensureWorkspace(db, { id: 'other', name: 'Other', project_id: 'other', instance_id: 'other', org_id: 'other' });
    await db.updateTable('devices').set({ workspace_id: 'other' }).where('id', 'in', ids.slice(50, 55)).execute();

    await expectSortsMatchSql(handle);
    await expectSortsMatchSql(handle, { status: 1 });
  });

  it('is told of a change to every column it keeps', async () => {
    const { db } = await fleet(20);
    await ensureWorkspace(db, { id: 'other', name: 'Other', project_id: 'other', instance_id: 'other', org_id: 'other' });
    const latest = async () => (await db.selectFrom('device_list_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? 0;
    const device = await db.selectFrom('devices').select(['id', 'product_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const product = await db.selectFrom('products').select('id').where('id', '<>', device.product_id).executeTakeFirstOrThrow();
    // A new value for each kept column but the key; a column added to the list must be added here.
    const changes: Record<Exclude<(typeof LISTED_COLUMNS)[number], 'id'>, RawBuilder<unknown>> = {
      workspace_id: sql`'other'`,
      product_id: sql`${product.id}`,
      node_type: sql`(node_type + 1) % 3`,
      online_status: sql`(online_status + 1) % 3`,
      status: sql`1 - status`,
      frozen: sql`1 - frozen`,
      parent_device_id: sql`CASE WHEN parent_device_id IS NULL THEN (SELECT min(id) FROM devices) END`,
      created_datetime: sql`created_datetime + 1`,
      last_updated_datetime: sql`last_updated_datetime + 1`,
      last_active_time: sql`coalesce(last_active_time, 0) + 1`,
      node_id: sql`node_id || '-x'`,
      device_name: sql`device_name || '-x'`,
    };
    for (const [column, value] of Object.entries(changes)) {
      const before = await latest();
      await sql`UPDATE devices SET ${sql.ref(column)} = ${value} WHERE id = ${device.id}`.execute(db);
      expect(await latest(), column).toBeGreaterThan(before);
    }
  });

  it('follows tags added and taken away', async () => {
    const handle = await fleet(300);
    const { db } = handle;
    const tagged = async (tag: string) => (await pageOf(handle.listIndex!, db, { tag })).ids;
    const sqlTagged = async (tag: string) =>
      (await db.selectFrom('device_tags').select('device_id').where('tag', '=', tag).orderBy('device_id').execute()).map((r) => r.device_id);
    expect(await tagged('critical')).toEqual(await sqlTagged('critical'));

    const ids = (await sqlOrder(db, 'id')).slice(0, 20);
    const tagsOf = async (id: number) => (await db.selectFrom('device_tags').select('tag').where('device_id', '=', id).orderBy('tag').execute()).map((r) => r.tag);
    const expectTagsMatchSql = async () => {
      for (const tag of ['critical', 'fresh', 'renamed', 'no-such-tag']) expect(await tagged(tag), tag).toEqual(await sqlTagged(tag));
      // The page carries each device's tags, in order, as the database holds them.
      const page = await pageOf(handle.listIndex!, db, { limit: '30' });
      expect(page.tags).toEqual(await Promise.all(page.ids.map(tagsOf)));
    };
    // The index catches up after each step, so each kind of change must be noted on its own.
    await db.insertInto('device_tags').values(ids.map((device_id) => ({ device_id, tag: 'fresh' }))).execute();
    await expectTagsMatchSql();
    await db.deleteFrom('device_tags').where('tag', '=', 'critical').where('device_id', 'in', (await sqlTagged('critical')).slice(0, 10)).execute();
    await expectTagsMatchSql();
    await db.updateTable('device_tags').set({ tag: 'renamed' }).where('tag', '=', 'fresh').where('device_id', 'in', ids.slice(0, 5)).execute();
    await expectTagsMatchSql();
  });

  it('finds names as LIKE does, after renames, even for a search holding the separator of its joined names', async () => {
    const handle = await fleet(300);
    const { db } = handle;
    const named = async (name: string) => (await pageOf(handle.listIndex!, db, { device_name: name })).ids;
    expect(await named('temp')).toEqual(await sqlOrder(db, 'id', { name: 'temp' }));

    const [first, second] = await sqlOrder(db, 'id');
    await db.updateTable('devices').set({ device_name: 'line\nbreak-TEMP' }).where('id', '=', first!).execute();
    await db.updateTable('devices').set({ device_name: 'Ärger-\u212Aelvin' }).where('id', '=', second!).execute();
    for (const name of ['temp', 'TEMP', 'e\nb', 'k\nl', 'kelvin', 'ärger', 'Ä', 'n\n']) expect(await named(name), JSON.stringify(name)).toEqual(await sqlOrder(db, 'id', { name }));
  });

  it('reads everything again once gone devices outnumber the live ones, and still answers as SQL does', async () => {
    const handle = await fleet(200);
    const { db } = handle;
    await expectSortsMatchSql(handle);
    // Sub-devices first: a gateway cannot be deleted while its sub-devices point at it.
    const doomed = await db.selectFrom('devices').select('id').orderBy('parent_device_id', 'desc').limit(150).execute();
    await db.deleteFrom('devices').where('id', 'in', doomed.map((d) => d.id)).execute();
    await expectSortsMatchSql(handle);
  });

  it('catches up with changes committed by another connection', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'device-list-'));
    dirs.push(dir);
    const file = path.join(dir, 'devices.sqlite');
    const ours = await fleet(200, file);
    const theirs = openDatabase({ sqlitePath: file });
    handles.push(theirs);
    await expectSortsMatchSql(ours);
    const ids = (await sqlOrder(theirs.db, 'id')).slice(0, 30);
    await theirs.db.updateTable('devices').set({ status: 1, last_active_time: 3 }).where('id', 'in', ids).execute();
    await expectSortsMatchSql(ours, { status: 1 });
  });
});
