import type { Kysely } from 'kysely';
import { BATCH_TASK_CODES, type BatchTaskStatus } from '@/contracts/iotda-batch-tasks';
import {
  RETRY_ACTS_ON,
  RETRY_REFUSED_WHILE,
  STOP_ACTS_ON,
  STOP_REFUSED_WHILE,
  type BatchTargetResult,
  type TaskDetailStatus,
} from '@/contracts/iotda-batch-task-details';
import type { DialectName } from '../db/dialect';
import { lockForUpdate } from '../db/dialect';
import type { AuditTrail } from '../audit/audit-trail';
import type { Database } from '../db/schema';
import { finishIfDone } from './task-queries';

export type ControlOutcome = { kind: 'done'; targets: BatchTargetResult[] } | { kind: 'not-found' } | { kind: 'refused'; status: BatchTaskStatus };

interface Control {
  /** Task statuses in which IoTDA refuses the call. */
  refusedWhile: readonly BatchTaskStatus[];
  /** Subtask statuses the call acts on. */
  actsOn: readonly TaskDetailStatus[];
  /** What those subtasks become. */
  to: TaskDetailStatus;
  /** What the task becomes once they changed, while it is not over. */
  taskTo: BatchTaskStatus | undefined;
}

const STOP: Control = { refusedWhile: STOP_REFUSED_WHILE, actsOn: STOP_ACTS_ON, to: 'Stopped', taskTo: undefined };
const RETRY: Control = { refusedWhile: RETRY_REFUSED_WHILE, actsOn: RETRY_ACTS_ON, to: 'Waitting', taskTo: 'Waitting' };

/**
 * IoTDA StopBatchTask and RetryBatchTask: the subtasks named (all it acts on, for `{}`) change in
 * one transaction with the task's status. A stopped subtask is never run; on PostgreSQL a batch
 * in flight holds its subtasks' locks, so a stop waits for it and then finds them done.
 */
async function control(
  store: { db: Kysely<Database>; dialect: DialectName },
  how: Control,
  request: { workspaceId: string; taskId: string; targets: readonly string[] | undefined; now: number; audit: AuditTrail },
): Promise<ControlOutcome> {
  const { taskId, now } = request;
  return store.db.transaction().execute(async (trx): Promise<ControlOutcome> => {
    const task = await lockForUpdate(
      store.dialect,
      trx.selectFrom('batch_tasks').select('status').where('task_id', '=', taskId).where('workspace_id', '=', request.workspaceId),
    ).executeTakeFirst();
    if (!task) return { kind: 'not-found' };
    const status = task.status as BatchTaskStatus;
    if (how.refusedWhile.includes(status)) return { kind: 'refused', status };
    let named = trx.selectFrom('batch_task_details').select(['seq', 'target', 'status']).where('task_id', '=', taskId);
    named = request.targets ? named.where('target', 'in', request.targets) : named.where('status', 'in', how.actsOn);
    const rows = await named.orderBy('seq').execute();
    const acted = rows.filter((row) => how.actsOn.includes(row.status as TaskDetailStatus));
    if (acted.length > 0) {
      await trx
        .updateTable('batch_task_details')
        .set({ status: how.to, error_code: null, error_msg: null, updated_at: now })
        .where('task_id', '=', taskId)
        .where('seq', 'in', acted.map((row) => row.seq))
        .execute();
    }
    if (!(await finishIfDone(trx, taskId, now)) && acted.length > 0) {
      await trx
        .updateTable('batch_tasks')
        .set({ ...(how.taskTo && { status: how.taskTo }), updated_at: now })
        .where('task_id', '=', taskId)
        .execute();
    }
    await request.audit.record(trx, [{ action: how.to === 'Stopped' ? 'task.stop' : 'task.retry', target: taskId, after: { subtasks: acted.length } }], now);
    const bySent = new Map(rows.map((row) => [row.target, row]));
    const answered = request.targets ?? acted.map((row) => row.target);
    return {
      kind: 'done',
      targets: answered.map((target): BatchTargetResult => {
        const row = bySent.get(target);
        if (row && how.actsOn.includes(row.status as TaskDetailStatus)) return { target, status: 'success' };
        return {
          target,
          status: 'failure',
          error_code: BATCH_TASK_CODES.targetNotApplicable,
          error_msg: row ? `The subtask is ${row.status}; this call acts only on ${how.actsOn.join(', ')}.` : 'The device is not a target of this task.',
        };
      }),
    };
  });
}

type ControlRequest = Parameters<typeof control>[2];
type Store = Parameters<typeof control>[0];

export const stopTask = (store: Store, request: ControlRequest) => control(store, STOP, request);
export const retryTask = (store: Store, request: ControlRequest) => control(store, RETRY, request);
