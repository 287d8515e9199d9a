import { QueryClient } from '@tanstack/react-query';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import type { ShowBatchTaskResponse } from '@/contracts/iotda-batch-task-details';
import { applyTasksEvents } from '@/web/api/apply-tasks-event';
import { batchTaskQueries, type TaskList } from '@/web/api/batch-tasks';
import { showAnswer, taskId, testDetail, testTask } from '@/web/test-support/batch-task-fixture';

const running = (n: number, success: number) => testTask(n, { status: 'Processing', task_progress: { total: 10, success, waitting: 10 - success } });
const tasksEvent = (...tasks: BatchTask[]) => JSON.stringify({ tasks });

const FIRST_PAGE = batchTaskQueries.list({ limit: 20 }).queryKey;
const SECOND_PAGE = batchTaskQueries.list({ limit: 20, marker: taskId(4) }).queryKey;
const REPORT = batchTaskQueries.show(taskId(5), { limit: 50 }).queryKey;
const FAILED_REPORT = batchTaskQueries.show(taskId(5), { status: 'Fail', limit: 50 }).queryKey;

function seeded() {
  const client = new QueryClient();
  client.setQueryData<TaskList>(FIRST_PAGE, { tasks: [running(5, 1), testTask(4)], count: 3, next: taskId(4) });
  client.setQueryData<TaskList>(SECOND_PAGE, { tasks: [testTask(3)], count: 3 });
  client.setQueryData<ShowBatchTaskResponse>(REPORT, showAnswer(running(5, 1), [testDetail(1)]));
  client.setQueryData<ShowBatchTaskResponse>(FAILED_REPORT, showAnswer(running(5, 1), []));
  return client;
}
const stale = (client: QueryClient, queryKey: readonly unknown[]) => client.getQueryState(queryKey)?.isInvalidated;

describe('applyTasksEvents', () => {
  it('puts each told task in place in the lists, the latest telling winning, and leaves the others alone', () => {
    const client = seeded();
    const before = client.getQueryData<TaskList>(FIRST_PAGE)!;
    applyTasksEvents(client, [tasksEvent(running(5, 3)), tasksEvent(running(5, 6))]);
    const after = client.getQueryData<TaskList>(FIRST_PAGE)!;
    expect(after.tasks[0]).toEqual(running(5, 6));
    expect(after.tasks[1]).toBe(before.tasks[1]);
    expect(after.count).toBe(3);
    expect(stale(client, FIRST_PAGE)).toBe(false);
    expect(client.getQueryData(SECOND_PAGE)).toEqual({ tasks: [testTask(3)], count: 3 });
  });

  it('gives the open task its new state at once and reads its report pages again', () => {
    const client = seeded();
    applyTasksEvents(client, [tasksEvent(running(5, 6))]);
    for (const key of [REPORT, FAILED_REPORT]) {
      expect(client.getQueryData<ShowBatchTaskResponse>(key)!.batchtask).toEqual(running(5, 6));
      expect(stale(client, key)).toBe(true);
    }
    expect(client.getQueryData<ShowBatchTaskResponse>(REPORT)!.task_details).toEqual([testDetail(1)]);
  });

  it('does not read a report again when its task is told unchanged', () => {
    const client = seeded();
    applyTasksEvents(client, [tasksEvent(running(5, 1))]);
    expect(stale(client, REPORT)).toBe(false);
  });

  it('reads the first page again when a newer task it lacks is told, but not for an older one', () => {
    const client = seeded();
    applyTasksEvents(client, [tasksEvent(running(2, 1))]);
    expect(stale(client, FIRST_PAGE)).toBe(false);
    applyTasksEvents(client, [tasksEvent(running(6, 1))]);
    expect(stale(client, FIRST_PAGE)).toBe(true);
    expect(stale(client, SECOND_PAGE)).toBe(false);
  });

  it('refuses an event that breaks the contract', () => {
    expect(() => applyTasksEvents(seeded(), [JSON.stringify({ tasks: [{ task_id: 5 }] })])).toThrow();
  });
});
