import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Several replicas on one PostgreSQL (README "Replicas"): each device's session is held by one
 * replica's gateway, named on the device when the session begins, and each replica says it is
 * alive every few seconds. A starting replica then disconnects only the sessions it held itself
 * (or whose replica is gone), not those its peers hold. A partial index keeps that look, and the
 * periodic one for replicas that are gone, to the connected devices.
 */
export const replicas: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('devices').addColumn('session_replica', 'text').execute();
    await db.schema.createIndex('devices_live_sessions').on('devices').column('session_replica').where(sql.ref('connected'), '=', 1).execute();
    await db.schema
      .createTable('replicas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
