import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';

/** The columns of `device_counts`' groups: the list filters that compare a column with values. */
export const COUNTED_COLUMNS = ['workspace_id', 'product_id', 'node_type', 'online_status', 'status', 'frozen'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** A count table's group columns after the workspace, and its count of devices. */
const withGroupColumns = (table: CreateTableBuilder<any, any>) =>
  table
    .addColumn('product_id', 'bigint', (c) => c.notNull())
    .addColumn('node_type', 'integer', (c) => c.notNull())
    .addColumn('online_status', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('frozen', 'integer', (c) => c.notNull())
    .addColumn('devices', 'integer', (c) => c.notNull());

/**
 * SQLite only: the number of devices in each group of equal filter columns, kept by triggers, so
 * the total of an unfiltered or equality-filtered list is a sum over a few dozen rows instead of
 * counting up to 100,000 index entries (2 ms, the largest part of the console's first page).
 * PostgreSQL counts as before: concurrent writers there would contend on these rows.
 */
export function deviceCounts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await withGroupColumns(db.schema.createTable('device_counts').addColumn('workspace_id', 'text', (c) => c.notNull()))
        .addPrimaryKeyConstraint('device_counts_pk', [...COUNTED_COLUMNS])
        .execute();

      const columns = sql.join(COUNTED_COLUMNS.map((c) => sql.ref(c)));
      const values = (row: 'new' | 'old') => sql.join(COUNTED_COLUMNS.map((c) => sql.ref(`${row}.${c}`)));
      const sameGroup = (row: 'new' | 'old') => sql.join(COUNTED_COLUMNS.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${row}.${c}`)}`), sql` AND `);
      const changed = sql.join(COUNTED_COLUMNS.map((c) => sql`${sql.ref(`old.${c}`)} IS NOT ${sql.ref(`new.${c}`)}`), sql` OR `);
      const add = sql`INSERT INTO device_counts (${columns}, devices) VALUES (${values('new')}, 1)
        ON CONFLICT (${columns}) DO UPDATE SET devices = devices + 1;`;
      const remove = sql`UPDATE device_counts SET devices = devices - 1 WHERE ${sameGroup('old')};`;

      await sql`CREATE TRIGGER device_counts_insert AFTER INSERT ON devices BEGIN ${add} END`.execute(db);
      await sql`CREATE TRIGGER device_counts_delete AFTER DELETE ON devices BEGIN ${remove} END`.execute(db);
      await sql`CREATE TRIGGER device_counts_update AFTER UPDATE OF ${columns} ON devices WHEN ${changed} BEGIN ${remove} ${add} END`.execute(db);
      await sql`INSERT INTO device_counts (${columns}, devices) SELECT ${columns}, COUNT(*) FROM devices GROUP BY ${columns}`.execute(db);
    },
  };
}

/**
 * SQLite only: `device_counts` per tag, kept by triggers on both tables, so a tag filter (alone or
 * with equality filters) is totalled and summarised from a few rows. At 100,000 devices the count of
 * `tag=critical` read 14,321 tag entries and as many devices: 18.7 ms of every such list call.
 * A device's rows leave before the device does (a BEFORE DELETE trigger removes its tags while
 * the device can still be read); the foreign key's cascade then finds nothing left to remove.
 */
export function deviceTagCounts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await withGroupColumns(
        db.schema
          .createTable('device_tag_counts')
          .addColumn('workspace_id', 'text', (c) => c.notNull())
          .addColumn('tag', 'text', (c) => c.notNull()),
      )
        .addPrimaryKeyConstraint('device_tag_counts_pk', ['workspace_id', 'tag', ...COUNTED_COLUMNS.slice(1)])
        .execute();

      const group = sql.join(COUNTED_COLUMNS.map((c) => sql.ref(c)));
      const groupOf = (row: string) => sql.join(COUNTED_COLUMNS.map((c) => sql.ref(`${row}.${c}`)));
      const key = sql`tag, ${group}`;
      const upsert = sql`ON CONFLICT (${key}) DO UPDATE SET devices = devices + 1;`;
      // One tag row counted into, or out of, its device's current group.
      const tagIn = (row: 'new' | 'old') => sql`INSERT INTO device_tag_counts (${key}, devices)
        SELECT ${sql.ref(`${row}.tag`)}, ${groupOf('d')}, 1 FROM devices d WHERE d.id = ${sql.ref(`${row}.device_id`)} ${upsert}`;
      const tagOut = (row: 'new' | 'old') => sql`UPDATE device_tag_counts SET devices = devices - 1
        WHERE tag = ${sql.ref(`${row}.tag`)} AND (${group}) = (SELECT ${groupOf('d')} FROM devices d WHERE d.id = ${sql.ref(`${row}.device_id`)});`;
      // Every tag of a device counted out of its old group and into its new one.
      const deviceOut = sql`UPDATE device_tag_counts SET devices = devices - 1
        WHERE (${group}) = (${groupOf('old')}) AND tag IN (SELECT t.tag FROM device_tags t WHERE t.device_id = old.id);`;
      const deviceIn = sql`INSERT INTO device_tag_counts (${key}, devices)
        SELECT t.tag, ${groupOf('new')}, 1 FROM device_tags t WHERE t.device_id = new.id ${upsert}`;
      const changed = sql.join(COUNTED_COLUMNS.map((c) => sql`${sql.ref(`old.${c}`)} IS NOT ${sql.ref(`new.${c}`)}`), sql` OR `);

      await sql`CREATE TRIGGER device_tag_counts_tag_insert AFTER INSERT ON device_tags BEGIN ${tagIn('new')} END`.execute(db);
      await sql`CREATE TRIGGER device_tag_counts_tag_delete AFTER DELETE ON device_tags BEGIN ${tagOut('old')} END`.execute(db);
      await sql`CREATE TRIGGER device_tag_counts_tag_update AFTER UPDATE ON device_tags BEGIN ${tagOut('old')} ${tagIn('new')} END`.execute(db);
      await sql`CREATE TRIGGER device_tag_counts_device_delete BEFORE DELETE ON devices BEGIN DELETE FROM device_tags WHERE device_id = old.id; END`.execute(db);
      await sql`CREATE TRIGGER device_tag_counts_device_update AFTER UPDATE OF ${group} ON devices WHEN ${changed} BEGIN ${deviceOut} ${deviceIn} END`.execute(db);
      await sql`INSERT INTO device_tag_counts (${key}, devices)
        SELECT t.tag, ${groupOf('d')}, COUNT(*) FROM device_tags t JOIN devices d ON d.id = t.device_id GROUP BY t.tag, ${groupOf('d')}`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
