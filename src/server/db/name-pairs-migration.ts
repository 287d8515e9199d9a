import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';

/** Character positions 1..255: more than any name holds (001 allows 64), so SQL can take a name apart without a loop. */
const POSITIONS = 255;

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** The distinct two-character windows of `name`, folded as LIKE folds (lower(): ASCII letters only). */
const pairsOf = (name: any) => sql`SELECT DISTINCT lower(substr(${name}, n, 2)) AS pair FROM name_positions WHERE n < length(${name})`;

/**
 * SQLite only: for each workspace and each pair of characters, how many devices have a name that
 * contains it, kept by triggers. A two-character search, which the trigram index cannot answer,
 * is then counted from one row: `12` (3,970 of 100,000 devices) took 16-19 ms of LIKE over every
 * name. The pairs are folded as LIKE compares, so the count is exactly LIKE's.
 */
export function deviceNamePairs(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await db.schema.createTable('name_positions').addColumn('n', 'integer', (c) => c.primaryKey()).execute();
      await sql`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${sql.lit(POSITIONS)})
        INSERT INTO name_positions (n) SELECT n FROM s`.execute(db);
      await sql`CREATE TABLE device_name_pair_counts (
        workspace_id text NOT NULL, pair text NOT NULL, devices integer NOT NULL, PRIMARY KEY (workspace_id, pair)
      ) WITHOUT ROWID`.execute(db);

      // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
      const add = sql`INSERT INTO device_name_pair_counts (workspace_id, pair, devices)
        SELECT new.workspace_id, pair, 1 FROM (${pairsOf(sql.ref('new.device_name'))}) WHERE true
        ON CONFLICT (workspace_id, pair) DO UPDATE SET devices = devices + 1;`;
      const remove = sql`UPDATE device_name_pair_counts SET devices = devices - 1
        WHERE workspace_id = old.workspace_id AND pair IN (${pairsOf(sql.ref('old.device_name'))});`;
      await sql`CREATE TRIGGER device_name_pairs_insert AFTER INSERT ON devices BEGIN ${add} END`.execute(db);
      await sql`CREATE TRIGGER device_name_pairs_delete AFTER DELETE ON devices BEGIN ${remove} END`.execute(db);
      await sql`CREATE TRIGGER device_name_pairs_update AFTER UPDATE OF device_name, workspace_id ON devices BEGIN ${remove} ${add} END`.execute(db);

      await sql`INSERT INTO device_name_pair_counts (workspace_id, pair, devices)
        SELECT workspace_id, pair, count(*) FROM (
          SELECT DISTINCT d.id, d.workspace_id, lower(substr(d.device_name, p.n, 2)) AS pair
          FROM devices AS d JOIN name_positions AS p ON p.n < length(d.device_name)
        ) GROUP BY workspace_id, pair`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
