import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { REPLACED } from './list-changes-migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * PostgreSQL: with the list and the summary answered from the list index (0016), nothing reads the
 * covering sort indexes SQL listed with (0002, 0008), as on SQLite since 0010; every write still
 * paid for all thirteen: 1.8 GB of them at 1,000,000 devices, rewritten by each status change and
 * each seeded row. A batch task's filter is the one SQL filter left; it reads the table once.
 */
export function dropPostgresListIndexes(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      for (const index of REPLACED.indexes) await sql`DROP INDEX IF EXISTS ${sql.id(index)}`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
