import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { autoIdType } from './dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Devices that connect for real (DESIGN.md "Live devices"). Checking an IoTDA CONNECT password
 * needs the secret itself, so the salted hash gives way to the secret sealed under the master key
 * (secrets/secret-vault.ts). A hash cannot be turned back into a secret: devices stored before
 * this migration keep no usable secret (NULL) and connect again after a key replacement (002).
 * Each device's connection history and its latest property report get tables of their own, so
 * the device row, which the list reads, is not rewritten by every report.
 */
export function liveDevices(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('devices').addColumn('secret_sealed', 'text').execute();
      await db.schema.alterTable('devices').dropColumn('secret_hash').execute();
      await db.schema
        .createTable('device_connections')
        .addColumn('id', autoIdType(dialect), (c) => c.primaryKey().$call((b) => (dialect === 'sqlite' ? b.autoIncrement() : b)))
        .addColumn('device_id', 'bigint', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('client_ip', 'text')
        .execute();
      await db.schema.createIndex('device_connections_device').on('device_connections').columns(['device_id', 'id']).execute();
      await db.schema
        .createTable('device_reports')
        .addColumn('device_id', 'bigint', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
        .addColumn('reported_at', 'bigint', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
