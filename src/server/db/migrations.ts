import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { DialectName } from './dialect';
import { autoIdType } from './dialect';
import { activityChanges } from './activity-changes-migration';
import { batchTasks } from './batch-tasks-migration';
import { connectionActivity } from './connection-activity-migration';
import { deviceCounts, deviceTagCounts } from './device-counts-migration';
import { coveringListIndexes, foldedNameTrigrams, nameTrigrams, rareFilterIndexesWithSortColumns } from './list-indexes-migration';
import { deviceListChanges, dropStructuresTheListIndexReplaced } from './list-changes-migration';
import { dropPostgresListIndexes } from './postgres-list-indexes-migration';
import { deviceListCommits } from './list-commits-migration';
import { liveConsole } from './live-console-migration';
import { liveDevices } from './live-devices-migration';
import { deviceNamePairs } from './name-pairs-migration';
import { replicas } from './replicas-migration';
import { signInThrottle } from './sign-in-throttle-migration';
import { dataChanges } from './data-changes-migration';
import { operators } from './operators-migration';
import { tokenIssuedAt } from './token-issued-migration';
import type { Database } from './schema';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */
function initial(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      const id = autoIdType(dialect);
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('project_id', 'text', (c) => c.notNull().unique())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', id, (c) => c.primaryKey().$call((b) => (dialect === 'sqlite' ? b.autoIncrement() : b)))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tokens_expires').on('tokens').column('expires_at').execute();
      await db.schema
        .createTable('products')
        .addColumn('id', 'bigint', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('product_key', 'text', (c) => c.notNull().unique())
        .addColumn('product_name', 'text', (c) => c.notNull())
        .addColumn('manufacturer_id', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('protocol_type', 'integer', (c) => c.notNull())
        .addColumn('product_type', 'integer', (c) => c.notNull())
        .addColumn('extend_protocol_name', 'text')
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', id, (c) => c.primaryKey().$call((b) => (dialect === 'sqlite' ? b.autoIncrement() : b)))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id'))
        .addColumn('asset_id', 'text', (c) => c.notNull().unique())
        .addColumn('device_key', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('device_name', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('app_name', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('online_status', 'integer', (c) => c.notNull())
        .addColumn('connected', 'integer', (c) => c.notNull())
        .addColumn('mirrored', 'integer', (c) => c.notNull())
        .addColumn('frozen', 'integer', (c) => c.notNull())
        .addColumn('node_type', 'integer', (c) => c.notNull())
        .addColumn('parent_device_id', 'bigint', (c) => c.references('devices.id'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('auth_user_name', 'text', (c) => c.notNull())
        .addColumn('created_user', 'text', (c) => c.notNull())
        .addColumn('last_updated_user', 'text', (c) => c.notNull())
        .addColumn('created_datetime', 'bigint', (c) => c.notNull())
        .addColumn('last_updated_datetime', 'bigint', (c) => c.notNull())
        .addColumn('last_login_datetime', 'bigint')
        .addColumn('last_active_time', 'bigint')
        .addColumn('connect_address', 'text', (c) => c.notNull())
        .addColumn('ssl_connect_address', 'text', (c) => c.notNull())
        .addColumn('client_ip', 'text')
        .addColumn('keep_alive', 'text')
        .addColumn('version', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addUniqueConstraint('devices_product_device_key', ['product_id', 'device_key'])
        .addUniqueConstraint('devices_product_node', ['product_id', 'node_id'])
        .execute();
      // Each list sort and the common filters get an index led by the workspace, ending in id for stable paging.
      const indexes: Array<[string, string[]]> = [
        ['devices_ws_id', ['workspace_id', 'id']],
        ['devices_ws_name', ['workspace_id', 'device_name', 'id']],
        ['devices_ws_node', ['workspace_id', 'node_id', 'id']],
        ['devices_ws_online', ['workspace_id', 'online_status', 'id']],
        ['devices_ws_status', ['workspace_id', 'status', 'id']],
        ['devices_ws_type', ['workspace_id', 'node_type', 'id']],
        ['devices_ws_frozen', ['workspace_id', 'frozen', 'id']],
        ['devices_ws_product', ['workspace_id', 'product_id', 'id']],
        ['devices_ws_created', ['workspace_id', 'created_datetime', 'id']],
        ['devices_ws_updated', ['workspace_id', 'last_updated_datetime', 'id']],
        ['devices_ws_active', ['workspace_id', 'last_active_time', 'id']],
        ['devices_parent', ['parent_device_id']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema.createIndex(name).on('devices').columns(columns).execute();
      }
      await db.schema
        .createTable('device_tags')
        .addColumn('device_id', 'bigint', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('device_tags_pk', ['device_id', 'tag'])
        .execute();
      await db.schema.createIndex('device_tags_tag').on('device_tags').columns(['tag', 'device_id']).execute();
      await db.schema
        .createTable('org_public_keys')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function provider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_initial': initial(dialect),
      '0002_covering_list_indexes': coveringListIndexes,
      '0003_device_name_trigrams': nameTrigrams(dialect),
      '0004_device_counts': deviceCounts(dialect),
      '0005_device_tag_counts': deviceTagCounts(dialect),
      '0006_device_name_folds': foldedNameTrigrams(dialect),
      '0007_device_name_pairs': deviceNamePairs(dialect),
      '0008_rare_filter_indexes_with_sort_columns': rareFilterIndexesWithSortColumns(dialect),
      '0009_device_list_changes': deviceListChanges(dialect),
      '0010_drop_structures_the_list_index_replaced': dropStructuresTheListIndexReplaced(dialect),
      '0011_live_devices': liveDevices(dialect),
      '0012_live_console': liveConsole(dialect),
      '0013_activity_changes': activityChanges(dialect),
      '0014_connection_activity_index': connectionActivity,
      '0015_batch_tasks': batchTasks,
      '0016_device_list_commits': deviceListCommits(dialect),
      '0017_replicas': replicas,
      '0018_drop_postgres_list_indexes': dropPostgresListIndexes(dialect),
      '0019_sign_in_throttle': signInThrottle,
      '0020_token_issued_at': tokenIssuedAt,
      '0021_operators': operators(dialect),
      '0022_data_changes': dataChanges(dialect),
    }),
  };
}

/** Brings the schema up to date; safe to run on every start and from several replicas. */
export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const migrator = new Migrator({ db, provider: provider(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
