import { sql, type Kysely, type Transaction } from 'kysely';
import { BATCH_TASK_CODES, type BatchTask, type CreateBatchTaskRequest } from '@/contracts/iotda-batch-tasks';
import type { DialectName } from '../db/dialect';
import { deviceFilterWhere } from '../db/device-filters';
import { inChunks } from '../db/in-chunks';
import type { AuditTrail } from '../audit/audit-trail';
import type { Database } from '../db/schema';
import { newTaskId } from './task-records';
import { finishIfDone, readTask } from './task-queries';

/** Subtask rows per INSERT: eight columns each, far under SQLite's limit on bound parameters. */
const ROWS_PER_INSERT = 500;
const NOT_FOUND_MESSAGE = 'The device does not exist.';
/** Added to the seq of a device not connected, so those come after the live ones; device ids stay far below it. */
const NOT_LIVE_OFFSET = 2 ** 30;

export interface NewTask {
  workspaceId: string;
  request: CreateBatchTaskRequest;
  byUser: string;
  now: number;
  audit: AuditTrail;
}

/** `{product_id}_{node_id}`, as IoTDA names a device (find it again with findDeviceByIotdaId's rule). */
function splitTarget(target: string): { productId: number; nodeId: string } | undefined {
  const match = /^(\d{1,17})_(.+)$/.exec(target);
  return match ? { productId: Number(match[1]), nodeId: match[2]! } : undefined;
}

/** The workspace's device ids of the targets that name one, by target. */
async function devicesOfTargets(trx: Transaction<Database>, workspaceId: string, targets: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const chunk of inChunks(targets)) {
    const parts = chunk.map(splitTarget).filter((part) => part !== undefined);
    if (parts.length === 0) continue;
    const rows = await trx
      .selectFrom('devices')
      .select(['id', 'product_id', 'node_id'])
      .where('workspace_id', '=', workspaceId)
      .where('product_id', 'in', [...new Set(parts.map((p) => p.productId))])
      .where('node_id', 'in', [...new Set(parts.map((p) => p.nodeId))])
      .execute();
    for (const row of rows) found.set(`${row.product_id}_${row.node_id}`, row.id);
  }
  return found;
}

/** One subtask per target, in the order sent; a target that names no device of the workspace has failed already. */
async function insertTargets(trx: Transaction<Database>, taskId: string, workspaceId: string, targets: readonly string[], now: number): Promise<void> {
  const devices = await devicesOfTargets(trx, workspaceId, targets);
  const rows = targets.map((target, seq) => {
    const deviceId = devices.get(target);
    return deviceId === undefined
      ? { task_id: taskId, seq, target, device_id: null, status: 'Fail', error_code: BATCH_TASK_CODES.deviceNotFound, error_msg: NOT_FOUND_MESSAGE, updated_at: now }
      : { task_id: taskId, seq, target, device_id: deviceId, status: 'Waitting', error_code: null, error_msg: null, updated_at: now };
  });
  for (const chunk of inChunks(rows, ROWS_PER_INSERT)) await trx.insertInto('batch_task_details').values(chunk).execute();
}

/** One subtask per device matching the filter now, in one statement: the devices never leave the database. */
async function insertMatching(trx: Transaction<Database>, dialect: DialectName, taskId: string, workspaceId: string, request: CreateBatchTaskRequest, now: number): Promise<void> {
  if (request.selection.by !== 'targets_filter') return;
  const matching = trx
    .selectFrom('devices')
    .select([
      sql.val(taskId).as('task_id'),
      // Live devices first: forcing a fleet offline ends its sessions in the first batches, not spread over all.
      sql<number>`CASE WHEN devices.connected = 1 THEN devices.id ELSE devices.id + ${sql.lit(NOT_LIVE_OFFSET)} END`.as('seq'),
      sql<string>`CAST(devices.product_id AS TEXT) || '_' || devices.node_id`.as('target'),
      'devices.id as device_id',
      sql.val('Waitting').as('status'),
      sql.val(now).as('updated_at'),
    ])
    .where(deviceFilterWhere(dialect, workspaceId, request.selection.filter));
  await trx.insertInto('batch_task_details').columns(['task_id', 'seq', 'target', 'device_id', 'status', 'updated_at']).expression(matching).execute();
  const excepted = [...(await devicesOfTargets(trx, workspaceId, request.selection.except)).values()];
  for (const chunk of inChunks(excepted)) await trx.deleteFrom('batch_task_details').where('task_id', '=', taskId).where('device_id', 'in', chunk).execute();
}

/**
 * Stores a task with its subtasks fixed (a filter is resolved now, so the total never moves and a
 * resumed run finds exactly what is left), in one transaction: the task exists whole or not at
 * all. A task with nothing to run has succeeded at once.
 */
export async function createTask(store: { db: Kysely<Database>; dialect: DialectName }, task: NewTask): Promise<BatchTask> {
  const { request, workspaceId, now } = task;
  const taskId = newTaskId(now);
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('batch_tasks')
      .values({
        task_id: taskId,
        workspace_id: workspaceId,
        task_name: request.task_name,
        task_type: request.task_type,
        targets: request.selection.by === 'targets' ? JSON.stringify(request.selection.targets) : null,
        targets_filter: request.selection.by === 'targets_filter' ? JSON.stringify(request.selection.targets_filter) : null,
        task_policy: request.task_policy ? JSON.stringify(request.task_policy) : null,
        status: 'Waitting',
        status_desc: null,
        created_user: task.byUser,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (request.selection.by === 'targets') await insertTargets(trx, taskId, workspaceId, request.selection.targets, now);
    else await insertMatching(trx, store.dialect, taskId, workspaceId, request, now);
    // Nothing to run (no device matched, or none of the targets exists): the task is over already.
    await finishIfDone(trx, taskId, now);
    const created = (await readTask(trx, workspaceId, taskId))!;
    // Each device the run changes gets its own record, with the task's id as the run's (task-batch.ts).
    const selection = request.selection.by === 'targets' ? { targets: request.selection.targets.length } : { targets_filter: request.selection.targets_filter };
    await task.audit.record(trx, [{ action: 'task.create', target: taskId, after: { task_type: request.task_type, total: created.task_progress.total, ...selection } }], now);
    return created;
  });
}
