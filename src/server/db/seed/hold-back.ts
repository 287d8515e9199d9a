import { sql, type Transaction } from 'kysely';
import type { DialectName } from '../dialect';
import type { Database } from '../schema';

type Trx = Transaction<Database>;

/**
 * What an empty `devices` table does row by row that the seed does once, after loading: each
 * index other than the primary keys is built afterwards from the loaded rows (a sort, not a
 * million inserts at random places), each constraint other than the primary keys is checked
 * afterwards over the whole table in one query, and the change log and notifications that
 * triggers would have written row by row are written in one statement each. All of it in the
 * seed's transaction: a seed that fails leaves the schema as it was, and a duplicate or a
 * dangling reference fails the seed when its constraint is put back.
 */
export interface HeldBack {
  /** Puts back what was held back and does what its triggers would have done for the rows loaded. */
  restore: () => Promise<void>;
}

/** The triggers whose work the seed does in one statement after loading, by table (migrations 0012, 0013, 0016). */
const POSTGRES_TRIGGERS = {
  devices: ['devices_notify', 'devices_list_inserted'],
  device_tags: ['device_tags_notify', 'device_tags_list_inserted'],
} as const;

/** SQLite: the triggers that note each inserted device or tag in the change log (0009, 0012). */
const SQLITE_TRIGGERS = ['device_list_changes_insert', 'device_list_changes_tag_insert'];

const TABLES = ['devices', 'device_tags'] as const;

/**
 * Holds back indexes, constraints and per-row triggers while the seed loads the devices, if the
 * devices and their tags are empty; undefined otherwise (the seed then inserts row by row).
 */
export async function holdBackForLoad(trx: Trx, dialect: DialectName): Promise<HeldBack | undefined> {
  const empty = async () =>
    !(await trx.selectFrom('devices').select('id').limit(1).executeTakeFirst()) &&
    !(await trx.selectFrom('device_tags').select('device_id').limit(1).executeTakeFirst());
  if (!(await empty())) return undefined;
  if (dialect === 'sqlite') return holdBackSqlite(trx);
  // Taken before the catalog is read, so nothing changes these tables until the seed commits; a
  // replica that seeded meanwhile has committed by then, and the look is made again.
  await sql`LOCK TABLE devices, device_tags IN ACCESS EXCLUSIVE MODE`.execute(trx);
  return (await empty()) ? holdBackPostgres(trx) : undefined;
}

/**
 * SQLite: the unique constraints declared with the table keep their indexes (SQLite cannot drop
 * them); the other indexes are dropped and made again from their own `CREATE INDEX`, the change
 * log's insert triggers likewise from their own text.
 */
async function holdBackSqlite(trx: Trx): Promise<HeldBack> {
  const { rows: objects } = await sql<{ type: string; name: string; sql: string }>`SELECT type, name, sql FROM sqlite_master
    WHERE tbl_name IN (${sql.join(TABLES)}) AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' AND name IN (${sql.join(SQLITE_TRIGGERS)})))
    ORDER BY type, name`.execute(trx);
  for (const o of objects) await sql`DROP ${sql.raw(o.type === 'index' ? 'INDEX' : 'TRIGGER')} ${sql.id(o.name)}`.execute(trx);
  const logged = objects.some((o) => o.name === 'device_list_changes_insert');
  return {
    restore: async () => {
      for (const o of objects) await sql.raw(o.sql).execute(trx);
      if (!logged) return;
      // What the insert triggers leave: one entry a device, numbered past every earlier entry (a
      // deleted device's entry stays, unless its id comes back). Their tags' entries would only renumber it.
      const { rows } = await sql<{ last: number }>`SELECT ifnull(max(seq), 0) AS last FROM device_list_changes`.execute(trx);
      await sql`INSERT OR REPLACE INTO device_list_changes (device_id, seq, workspace_id)
        SELECT id, ${rows[0]!.last} + row_number() OVER (ORDER BY id), workspace_id FROM devices ORDER BY id`.execute(trx);
    },
  };
}

/**
 * PostgreSQL: unique and foreign-key constraints are dropped and added again from their own
 * definitions (pg_get_constraintdef), other indexes likewise (pg_get_indexdef); the triggers that
 * notify and keep the change log are disabled, and their work done after the load.
 */
async function holdBackPostgres(trx: Trx): Promise<HeldBack> {
  const tables = sql.join(TABLES.map((t) => sql`${t}::regclass`));
  // A unique constraint that another table's foreign key relies on stays.
  const { rows: constraints } = await sql<{ table: string; name: string; definition: string; type: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(c.oid) AS definition, contype AS type FROM pg_constraint c
    WHERE conrelid IN (${tables}) AND (contype = 'f' OR (contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))
    ORDER BY contype, conname`.execute(trx);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
    WHERE indrelid IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid AND conrelid = indrelid)
    ORDER BY 1`.execute(trx);
  const names = Object.values(POSTGRES_TRIGGERS).flat();
  const { rows: triggers } = await sql<{ table: string; name: string }>`
    SELECT tgrelid::regclass::text AS table, tgname AS name FROM pg_trigger
    WHERE tgrelid IN (${tables}) AND NOT tgisinternal AND tgenabled = 'O' AND tgname IN (${sql.join(names)})`.execute(trx);

  // Foreign keys first: their checks would otherwise look for rows in indexes about to go.
  for (const c of [...constraints].sort((a, b) => (a.type === b.type ? 0 : a.type === 'f' ? -1 : 1))) {
    await sql`ALTER TABLE ${sql.table(c.table)} DROP CONSTRAINT ${sql.id(c.name)}`.execute(trx);
  }
  for (const i of indexes) await sql`DROP INDEX ${sql.table(i.name)}`.execute(trx);
  for (const t of triggers) await sql`ALTER TABLE ${sql.table(t.table)} DISABLE TRIGGER ${sql.id(t.name)}`.execute(trx);

  const held = new Set(triggers.map((t) => t.name));
  return {
    restore: async () => {
      for (const i of indexes) await sql.raw(i.definition).execute(trx);
      // Unique constraints, then the foreign keys that may refer to them.
      for (const c of [...constraints].sort((a, b) => (a.type === b.type ? 0 : a.type === 'u' ? -1 : 1))) {
        await sql`ALTER TABLE ${sql.table(c.table)} ADD CONSTRAINT ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(trx);
      }
      for (const t of triggers) await sql`ALTER TABLE ${sql.table(t.table)} ENABLE TRIGGER ${sql.id(t.name)}`.execute(trx);
      // 0016: each device loaded, noted with this transaction's id. Only the held triggers write the
      // log, so with the tables locked an empty log stays empty until this insert, which then needs
      // no ON CONFLICT (1.7 s rather than 3-4.7 s at 1,000,000 devices).
      if (held.has('devices_list_inserted')) {
        const logged = await trx.selectFrom('device_list_commits').select('device_id').limit(1).executeTakeFirst();
        await (logged
          ? sql`INSERT INTO device_list_commits (device_id, xid) SELECT id, pg_current_xact_id() FROM devices
              ON CONFLICT (device_id) DO UPDATE SET xid = EXCLUDED.xid`
          : sql`INSERT INTO device_list_commits (device_id, xid) SELECT id, pg_current_xact_id() FROM devices`
        ).execute(trx);
      }
      // 0012: `{workspace} {id}` for each device, delivered at commit (its tags' notifications are the same).
      if (held.has('devices_notify')) {
        await sql`SELECT count(pg_notify('device_changes', workspace_id || ' ' || id)) FROM devices`.execute(trx);
      }
    },
  };
}
