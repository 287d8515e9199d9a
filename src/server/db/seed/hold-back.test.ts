import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresNotifications, SqliteChangeLog, type ChangeSource } from '../../events/change-source';
import { addDevice, addProduct } from '../../test-support/fixtures';
import { throwawayPostgres } from '../../test-support/test-app';
import { throwawayVault } from '../../test-support/vault';
import { ensureWorkspace } from '../bootstrap';
import { openDatabase, type DatabaseHandle } from '../connect';
import { listChangeLog } from '../list-changes';
import { migrate } from '../migrations';
import type { Database } from '../schema';
import { seedDemoFleetOnce } from './seed-fleet';

const COUNT = 1_234;
const vault = throwawayVault();
const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/** A migrated database of its own, with the demo workspace and another: in-memory SQLite, or a new PostgreSQL database with TEST_DATABASE_URL. */
async function freshDatabase(): Promise<DatabaseHandle & { changes: () => ChangeSource }> {
  const base = process.env.TEST_DATABASE_URL;
  const pg = base ? await throwawayPostgres(base) : undefined;
  const handle = openDatabase(pg ? { databaseUrl: pg.url } : { sqlitePath: ':memory:' });
  opened.push(async () => {
    await handle.close();
    await pg?.drop();
  });
  await migrate(handle.db, handle.dialect);
  await ensureWorkspace(handle.db);
  await ensureWorkspace(handle.db, { id: 'acme', name: 'Acme', project_id: 'acme', instance_id: 'acme-instance', org_id: 'acme-org' });
  const changes = () => {
    const source = pg
      ? new PostgresNotifications(pg.url, (error) => {
          throw error;
        })
      : new SqliteChangeLog(handle.db);
    opened.unshift(() => source.close());
    return source;
  };
  return { ...handle, changes };
}

/** The indexes, constraints and triggers of the seeded tables, each with its definition and whether it is enabled. */
async function schemaOf(db: Kysely<Database>, dialect: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`SELECT type, name, sql FROM sqlite_master
      WHERE tbl_name IN ('devices', 'device_tags', 'device_list_changes') ORDER BY type, name`.execute(db);
    const { rows: indexes } = await sql<{ line: string }>`SELECT 'index ' || t.name || ' ' || il.name || ' unique ' || il."unique" || ' (' || group_concat(ii.name, ', ') || ')' AS line
      FROM (SELECT 'devices' AS name UNION ALL SELECT 'device_tags') t, pragma_index_list(t.name) il, pragma_index_info(il.name) ii
      GROUP BY t.name, il.name ORDER BY 1`.execute(db);
    return [...rows.map((r) => `${r.type} ${r.name} ${r.sql ?? ''}`), ...indexes.map((r) => r.line)];
  }
  const { rows } = await sql<{ line: string }>`
    SELECT 'index ' || indexname || ' ' || indexdef AS line FROM pg_indexes WHERE tablename IN ('devices', 'device_tags', 'device_list_commits')
    UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text
      FROM pg_constraint WHERE conrelid IN ('devices'::regclass, 'device_tags'::regclass)
    UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text || ' ' || pg_get_triggerdef(oid) FROM pg_trigger
      WHERE tgrelid IN ('devices'::regclass, 'device_tags'::regclass) AND NOT tgisinternal
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.line);
}

const ids = async (db: Kysely<Database>) => (await db.selectFrom('devices').select('id').orderBy('id').execute()).map((r) => r.id);

describe('seeding an empty database', () => {
  it('leaves every index, constraint and trigger as the migrations made them, and the constraints refuse what they should', async () => {
    const { db, dialect } = await freshDatabase();
    const before = await schemaOf(db, dialect);
    const uniques = dialect === 'sqlite' ? /^index devices \S+ unique 1 \((.+)\)$/ : /^constraint devices \S+ UNIQUE \((.+)\) true$/;
    const unique = before.map((line) => uniques.exec(line)?.[1]).filter(Boolean);
    expect(unique.sort()).toEqual(['asset_id', 'product_id, device_key', 'product_id, node_id']);
    expect(await seedDemoFleetOnce(db, dialect, { count: COUNT, vault })).toBe(COUNT);
    expect(await schemaOf(db, dialect)).toEqual(before);

    const seeded = await db.selectFrom('devices').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const product = await db.selectFrom('products').selectAll().where('id', '=', seeded.product_id).executeTakeFirstOrThrow();
    await expect(addDevice(db, product, { asset_id: seeded.asset_id })).rejects.toThrow(/unique|UNIQUE/);
    await expect(addDevice(db, product, { node_id: seeded.node_id })).rejects.toThrow(/unique|UNIQUE/);
    await expect(addDevice(db, product, { device_key: seeded.device_key })).rejects.toThrow(/unique|UNIQUE/);
    await expect(addDevice(db, product, { parent_device_id: 99_999_999 })).rejects.toThrow(/foreign key|FOREIGN KEY/);
    await expect(db.insertInto('device_tags').values({ device_id: 99_999_999, tag: 'hvac' }).execute()).rejects.toThrow(/foreign key|FOREIGN KEY/);
    await expect(db.insertInto('device_tags').values({ device_id: seeded.id, tag: 'x' }).execute()).resolves.toBeDefined();
    await expect(db.insertInto('device_tags').values({ device_id: seeded.id, tag: 'x' }).execute()).rejects.toThrow(/unique|UNIQUE|duplicate/);
  });

  it('tells a reader of the change log, and of the change stream, of every seeded device, ids used before included; later changes are logged again', async () => {
    const { db, dialect, changes } = await freshDatabase();
    // A device added and deleted leaves its entry in the log, under an id the seed gives again.
    const gone = await addDevice(db, await addProduct(db));
    await db.deleteFrom('devices').where('id', '=', gone.id).execute();
    const log = listChangeLog(dialect);
    const point = await log.now(db);
    const stream = changes();
    await stream.take();

    await seedDemoFleetOnce(db, dialect, { count: COUNT, vault });
    const seededIds = await ids(db);
    expect(seededIds).toHaveLength(COUNT);
    expect(seededIds).toContain(gone.id);
    expect([...new Set(await log.changedSince(db, point))].sort((a, b) => a - b)).toEqual(seededIds);
    // PostgreSQL delivers notifications at commit, on the listening connection, a little later.
    let notes: Array<{ workspaceId: string; deviceId: number }> = [];
    for (let tries = 0; tries < 100 && notes.length < COUNT; tries++) {
      notes = [...notes, ...(await stream.take()).notes];
      if (notes.length < COUNT) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(notes.map((n) => n.deviceId).sort((a, b) => a - b)).toEqual(seededIds);
    expect(new Set(notes.map((n) => n.workspaceId))).toEqual(new Set(['default']));

    const after = await log.now(db);
    await db.updateTable('devices').set({ device_name: 'renamed-after-seeding' }).where('id', '=', seededIds[7]!).execute();
    expect(await log.changedSince(db, after)).toContain(seededIds[7]);
  });

  it('leaves nothing of a seed that fails part way, and seeds in full when started again', async () => {
    const { db, dialect } = await freshDatabase();
    const before = await schemaOf(db, dialect);
    let told = 0;
    const failing = () => {
      if (++told === 700) throw new Error('the provisioning file could not be written');
    };
    await expect(seedDemoFleetOnce(db, dialect, { count: COUNT, vault, credentials: failing })).rejects.toThrow(/provisioning/);
    expect(await ids(db)).toEqual([]);
    expect(await db.selectFrom('device_tags').select('device_id').execute()).toEqual([]);
    expect(await schemaOf(db, dialect)).toEqual(before);
    expect(await seedDemoFleetOnce(db, dialect, { count: COUNT, vault })).toBe(COUNT);
    expect(await ids(db)).toHaveLength(COUNT);
  });

  it('stores the same devices whether the tables were empty or another workspace already had devices', async () => {
    const now = Date.UTC(2026, 10, 1);
    // The fleet's ids start after the other workspace's device, and each secret is drawn anew: compare the rest.
    const rowsOf = async (db: Kysely<Database>) =>
      (await db.selectFrom('devices').selectAll().where('workspace_id', '=', 'default').orderBy('id').execute()).map(
        ({ id: _id, parent_device_id: parent, secret_sealed: sealed, ...row }) => ({ ...row, subDevice: parent !== null, sealed: sealed !== null }),
      );
    const empty = await freshDatabase();
    await seedDemoFleetOnce(empty.db, empty.dialect, { count: COUNT, vault, now });
    const shared = await freshDatabase();
    await addDevice(shared.db, await addProduct(shared.db, 'acme'));
    const before = await schemaOf(shared.db, shared.dialect);
    await seedDemoFleetOnce(shared.db, shared.dialect, { count: COUNT, vault, now });
    expect(await schemaOf(shared.db, shared.dialect)).toEqual(before);
    const second = await rowsOf(shared.db);
    expect(second).toHaveLength(COUNT);
    expect(second).toEqual(await rowsOf(empty.db));
  });
});
