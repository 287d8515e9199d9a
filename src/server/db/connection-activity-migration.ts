import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** The list page's activity chart reads the last hour of connection history: a range of `at`. */
export const connectionActivity: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('device_connections_at').on('device_connections').column('at').execute();
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
