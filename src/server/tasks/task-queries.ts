import type { Kysely } from 'kysely';
import type { BatchTask, BatchTaskStatus, ListBatchTasksParams, ListBatchTasksResponse } from '@/contracts/iotda-batch-tasks';
import type { ShowBatchTaskParams, TaskDetail, TaskDetailStatus } from '@/contracts/iotda-batch-task-details';
import type { Database } from '../db/schema';
import { detailMarker, endStatus, PENDING_DETAILS, progressOf, seqOfMarker, taskOf, type StatusCounts } from './task-records';

type Db = Kysely<Database>;

/** IoTDA's first marker: every record is older than it. */
const FIRST_MARKER = 'ffffffffffffffffffffffff';
/** The largest seq a marker may name: larger ones (the first marker among them) mean "from the start". */
const MAX_SEQ = 2_147_483_647;

/** Each task's subtasks counted per status. */
async function statusCounts(db: Db, taskIds: readonly string[]): Promise<Map<string, StatusCounts>> {
  const counts = new Map<string, StatusCounts>(taskIds.map((id) => [id, {}]));
  if (taskIds.length === 0) return counts;
  const rows = await db
    .selectFrom('batch_task_details')
    .select((eb) => ['task_id', 'status', eb.fn.countAll<number | string>().as('n')])
    .where('task_id', 'in', taskIds)
    .groupBy(['task_id', 'status'])
    .execute();
  for (const row of rows) counts.get(row.task_id)![row.status as TaskDetailStatus] = Number(row.n);
  return counts;
}

/** The workspace's task, or undefined (another workspace's task is no task of this one). */
export async function readTask(db: Db, workspaceId: string, taskId: string): Promise<BatchTask | undefined> {
  const row = await db.selectFrom('batch_tasks').selectAll().where('task_id', '=', taskId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return undefined;
  return taskOf(row, (await statusCounts(db, [taskId])).get(taskId)!);
}

/** IoTDA ListBatchTasks: the workspace's tasks of one type, newest first, after the marker. */
export async function listTasks(db: Db, workspaceId: string, params: ListBatchTasksParams): Promise<ListBatchTasksResponse> {
  let matching = db.selectFrom('batch_tasks').where('workspace_id', '=', workspaceId).where('task_type', '=', params.task_type);
  if (params.status) matching = matching.where('status', '=', params.status);
  const { count } = await matching.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  const rows = await matching.selectAll().where('task_id', '<', params.marker).orderBy('task_id', 'desc').limit(params.limit).offset(params.offset).execute();
  const counts = await statusCounts(db, rows.map((r) => r.task_id));
  const batchtasks = rows.map((row) => taskOf(row, counts.get(row.task_id)!));
  return { batchtasks, page: { count: Number(count), ...(rows.length > 0 && { marker: rows.at(-1)!.task_id }) } };
}

/** IoTDA ShowBatchTask's subtasks: by status or target, last in the task's order first, after the marker. */
export async function taskDetails(db: Db, taskId: string, params: ShowBatchTaskParams): Promise<{ details: TaskDetail[]; count: number; marker?: string }> {
  let matching = db.selectFrom('batch_task_details').where('task_id', '=', taskId);
  if (params.task_detail_status) matching = matching.where('status', '=', params.task_detail_status);
  if (params.target) matching = matching.where('target', '=', params.target);
  const { count } = await matching.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  const after = params.marker === FIRST_MARKER ? MAX_SEQ + 1 : Math.min(seqOfMarker(params.marker), MAX_SEQ + 1);
  const rows = await matching
    .select(['seq', 'target', 'status', 'error_code', 'error_msg'])
    .$if(after <= MAX_SEQ, (q) => q.where('seq', '<', after))
    .orderBy('seq', 'desc')
    .limit(params.limit)
    .offset(params.offset)
    .execute();
  const details = rows.map((row): TaskDetail => {
    const detail: TaskDetail = { target: row.target, status: row.status as TaskDetailStatus };
    if (row.error_code !== null) detail.error = { error_code: row.error_code, error_msg: row.error_msg ?? '' };
    return detail;
  });
  return { details, count: Number(count), ...(rows.length > 0 && { marker: detailMarker(rows.at(-1)!.seq) }) };
}

/** Ends the task if none of its subtasks is left to run: stopped, or by their results. */
export async function finishIfDone(db: Db, taskId: string, now: number): Promise<boolean> {
  const pending = await db.selectFrom('batch_task_details').select('seq').where('task_id', '=', taskId).where('status', 'in', PENDING_DETAILS).limit(1).executeTakeFirst();
  if (pending) return false;
  const row = await db.selectFrom('batch_tasks').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow();
  const progress = progressOf((await statusCounts(db, [taskId])).get(taskId)!);
  await db.updateTable('batch_tasks').set({ status: endStatus(row.status as BatchTaskStatus, progress), updated_at: now }).where('task_id', '=', taskId).execute();
  return true;
}

/** How long an ended task is still told to the event streams: a reader that saw it run sees it end. */
export const RECENT_TASK_MS = 5_000;

/** The workspace's tasks running, or changed in the last RECENT_TASK_MS before `now`, oldest first. */
export async function liveTasks(db: Db, workspaceId: string, now: number): Promise<BatchTask[]> {
  const rows = await db
    .selectFrom('batch_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('status', 'in', ['Waitting', 'Processing']), eb('updated_at', '>', now - RECENT_TASK_MS)]))
    .orderBy('task_id')
    .execute();
  const counts = await statusCounts(db, rows.map((r) => r.task_id));
  return rows.map((row) => taskOf(row, counts.get(row.task_id)!));
}
