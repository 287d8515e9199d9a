import type { QueryClient } from '@tanstack/react-query';
import { tasksEventSchema, type BatchTask } from '@/contracts/iotda-batch-tasks';
import type { ShowBatchTaskResponse } from '@/contracts/iotda-batch-task-details';
// The keys through the Tasks pages' own module, not batch-task-keys.ts: a chunk that reaches the
// contracts but not the client made the bundler split the console's first-load chunk (+0.4 kB).
import { batchTaskQueries, type TaskList, type TaskListPage } from '@/web/api/batch-tasks';

const stateOf = (task: BatchTask) => JSON.stringify([task.status, task.status_desc, task.task_progress]);

/** Lists show the stream's tasks as they are now; a first page that lacks a newer one (started elsewhere) is read again. */
function applyToLists(queryClient: QueryClient, told: ReadonlyMap<string, BatchTask>): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: batchTaskQueries.lists() })) {
    const list = query.state.data as TaskList | undefined;
    if (!list) continue;
    const isFirstPage = (query.queryKey[2] as TaskListPage).marker === undefined;
    const newest = list.tasks[0]?.task_id ?? '';
    const held = new Set(list.tasks.map((task) => task.task_id));
    if (isFirstPage && [...told.keys()].some((id) => !held.has(id) && id > newest)) {
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    if (!list.tasks.some((task) => told.has(task.task_id))) continue;
    queryClient.setQueryData<TaskList>(query.queryKey, { ...list, tasks: list.tasks.map((task) => told.get(task.task_id) ?? task) });
  }
}

/** An open task takes its new state at once; its report, whose rows the change moved, is read again. */
function applyToDetails(queryClient: QueryClient, told: ReadonlyMap<string, BatchTask>): void {
  for (const task of told.values()) {
    const queries = queryClient.getQueryCache().findAll({ queryKey: batchTaskQueries.detail(task.task_id) });
    const changed = queries.filter((query) => {
      const shown = query.state.data as ShowBatchTaskResponse | undefined;
      return shown !== undefined && stateOf(shown.batchtask) !== stateOf(task);
    });
    for (const query of changed) {
      queryClient.setQueryData<ShowBatchTaskResponse>(query.queryKey, (shown) => shown && { ...shown, batchtask: task });
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }
  }
}

/**
 * Applies the stream's `tasks` events (raw `data`, oldest first) to the Tasks pages' cache: no
 * polling, the service tells each running task at most once a second. Loaded on the first such
 * event, so the console's first load carries neither this nor the tasks' contract.
 */
export function applyTasksEvents(queryClient: QueryClient, events: readonly string[]): void {
  const told = new Map<string, BatchTask>();
  for (const data of events) for (const task of tasksEventSchema.parse(JSON.parse(data)).tasks) told.set(task.task_id, task);
  if (told.size === 0) return;
  applyToLists(queryClient, told);
  applyToDetails(queryClient, told);
}
