import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { autoIdType } from './dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Operators (DESIGN.md): each user has a role and may be disabled; users from before roles were
 * admins, as the one user was. The audit log holds no reference to `devices`: a record outlives
 * its device, and nothing deletes or edits a record.
 */
export function operators(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('role', 'text', (c) => c.notNull().defaultTo('admin')).execute();
      await db.schema.alterTable('users').addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('audit_records')
        .addColumn('id', autoIdType(dialect), (c) => c.primaryKey().$call((b) => (dialect === 'sqlite' ? b.autoIncrement() : b)))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('username', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('device_id', 'bigint')
        .addColumn('target', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_msg', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('run_id', 'text')
        .addColumn('request_id', 'text')
        .addColumn('client_ip', 'text')
        .execute();
      // The Audit page reads newest first, whole or by device or by user.
      await db.schema.createIndex('audit_records_workspace').on('audit_records').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('audit_records_device').on('audit_records').columns(['device_id', 'id']).execute();
      await db.schema.createIndex('audit_records_user').on('audit_records').columns(['workspace_id', 'username', 'id']).execute();
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
