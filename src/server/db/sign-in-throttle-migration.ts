import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Failed sign-ins by username and by client address (auth/sign-in-throttle.ts), in the database
 * rather than one process's memory, so that the limit holds across replicas.
 */
export const signInThrottle: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_at', 'bigint', (c) => c.notNull())
      .addColumn('blocked_until', 'bigint', (c) => c.notNull())
      .execute();
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
