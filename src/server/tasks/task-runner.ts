import { sql, type Kysely } from 'kysely';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DialectName } from '../db/dialect';
import type { Database } from '../db/schema';
import type { LiveSessions } from '../deps';
import { runBatch, SESSION_END, type RunningTask } from './task-batch';
import { finishIfDone } from './task-queries';

/** Subtasks per transaction: short enough that other writers wait little behind one. */
export const BATCH_SIZE = 500;
/** How often an idle runner looks for tasks another replica created, or that a restart left running. */
const IDLE_MS = 1_000;

export interface TaskRunnerDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  liveSessions?: LiveSessions | undefined;
  onError: (error: unknown) => void;
}

/**
 * Runs the stored batch tasks in the background, oldest first, one batch at a time (the bound on
 * concurrency: one transaction of BATCH_SIZE devices per process). It needs no memory of its own
 * to resume: what is left of a task is its waiting subtasks, so a restart picks up where the
 * last committed batch ended.
 */
export class TaskRunner {
  #stopped = false;
  #wake: (() => void) | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly deps: TaskRunnerDeps,
    private readonly batchSize = BATCH_SIZE,
  ) {}

  start(): void {
    this.#running ??= this.#loop();
  }

  /** A task was created or retried: look now rather than at the next idle check. */
  wake(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Stops after the batch in hand: its transaction commits or is never begun. */
  async close(): Promise<void> {
    this.#stopped = true;
    this.wake();
    await this.#running;
  }

  async #loop(): Promise<void> {
    while (!this.#stopped) {
      let worked = false;
      try {
        worked = await this.step();
      } catch (error) {
        // A database error mid-batch rolled the batch back: its subtasks wait to be tried again.
        this.deps.onError(error);
      }
      if (!worked && !this.#stopped) await this.#idle();
    }
  }

  /** One batch of the oldest running task, or that task's end; false when no task is running. */
  async step(): Promise<boolean> {
    const { db, dialect } = this.deps;
    const task = await db
      .selectFrom('batch_tasks')
      .select(['task_id', 'workspace_id', 'task_type', 'created_user'])
      .where('status', 'in', ['Waitting', 'Processing'])
      .orderBy('task_id')
      .limit(1)
      .executeTakeFirst();
    if (!task) return false;
    const running = task as RunningTask & { task_type: BatchTaskType };
    const now = Date.now();
    const { done, finished } = await db.transaction().execute(async (trx) => {
      // Each batch moves updated_at: the event streams tell a task's progress from it.
      await trx
        .updateTable('batch_tasks')
        .set({ status: sql<string>`CASE WHEN status = 'Waitting' THEN 'Processing' ELSE status END`, updated_at: now })
        .where('task_id', '=', task.task_id)
        .execute();
      const devices = await runBatch(trx, dialect, running, this.batchSize, now);
      return { done: devices, finished: !devices && (await finishIfDone(trx, task.task_id, now)) };
    });
    const reason = SESSION_END[running.task_type];
    if (done && reason) await this.deps.liveSessions?.end(done, reason);
    // Neither: another replica holds the task's last batch; it ends the task once committed.
    return done !== undefined || finished;
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), IDLE_MS);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
