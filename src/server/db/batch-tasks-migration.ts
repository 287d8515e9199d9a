import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * IoTDA batch tasks, run by the service (tasks/task-runner.ts). A task's targets are fixed when it
 * is created (a filter is resolved then), one subtask row per device, so its total never moves
 * and a resumed run finds exactly what is left: each subtask's status is written in the same
 * transaction as its device's change, and nothing is done twice.
 */
export const batchTasks: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('batch_tasks')
      .addColumn('task_id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('task_name', 'text', (c) => c.notNull())
      .addColumn('task_type', 'text', (c) => c.notNull())
      // The targets as sent: a JSON list of device ids, or the filter as sent; one of the two.
      .addColumn('targets', 'text')
      .addColumn('targets_filter', 'text')
      .addColumn('task_policy', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_desc', 'text')
      .addColumn('created_user', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // ListBatchTasks: a workspace's tasks of one type, newest (largest id) first.
    await db.schema.createIndex('batch_tasks_list').on('batch_tasks').columns(['workspace_id', 'task_type', 'task_id']).execute();
    await db.schema.createIndex('batch_tasks_status').on('batch_tasks').columns(['status', 'task_id']).execute();
    await db.schema
      .createTable('batch_task_details')
      .addColumn('task_id', 'text', (c) => c.notNull().references('batch_tasks.task_id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      // Null when the target names no device of the workspace: the subtask fails with that reason.
      .addColumn('device_id', 'bigint')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('error_msg', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('batch_task_details_pk', ['task_id', 'seq'])
      .execute();
    // The runner's next batch, the progress counts, and ShowBatchTask by status, all in task order.
    await db.schema.createIndex('batch_task_details_status').on('batch_task_details').columns(['task_id', 'status', 'seq']).execute();
    await db.schema.createIndex('batch_task_details_target').on('batch_task_details').columns(['task_id', 'target']).execute();
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
