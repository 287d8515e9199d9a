import { QueryClient } from '@tanstack/react-query';
import type { EventSourceMessage } from 'eventsource-parser';
import type * as TasksEvents from '@/web/api/apply-tasks-event';
import { batchTaskQueries, type TaskList } from '@/web/api/batch-tasks';
import { applyStreamEvents } from '@/web/features/live/apply-stream-events';
import { testTask } from '@/web/test-support/batch-task-fixture';

const applied = vi.hoisted(() => vi.fn());
vi.mock('@/web/api/apply-tasks-event', async (importOriginal) => {
  const actual = await importOriginal<typeof TasksEvents>();
  return {
    applyTasksEvents: (...args: Parameters<typeof actual.applyTasksEvents>) => {
      applied(args[1]);
      actual.applyTasksEvents(...args);
    },
  };
});

const LIST_KEY = batchTaskQueries.list({ limit: 20 }).queryKey;
const running = testTask(5, { status: 'Processing', task_progress: { total: 10, success: 1, waitting: 9 } });
const tasksEvent = (task = running): EventSourceMessage => ({ id: undefined, event: 'tasks', data: JSON.stringify({ tasks: [task] }) });

describe('applyStreamEvents and batch tasks', () => {
  beforeEach(() => applied.mockClear());

  it('hands a tasks event to the Tasks pages’ cache', async () => {
    const client = new QueryClient();
    client.setQueryData<TaskList>(LIST_KEY, { tasks: [testTask(5)], count: 1 });
    applyStreamEvents(client, [tasksEvent()]);
    await vi.waitFor(() => expect(client.getQueryData<TaskList>(LIST_KEY)!.tasks[0]).toEqual(running));
    expect(applied).toHaveBeenCalledExactlyOnceWith([JSON.stringify({ tasks: [running] })]);
  });

  it('leaves the tasks alone, contract and all, while no page has read any', async () => {
    applyStreamEvents(new QueryClient(), [tasksEvent()]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(applied).not.toHaveBeenCalled();
  });

  it('reads the tasks again on reset', () => {
    const client = new QueryClient();
    client.setQueryData<TaskList>(LIST_KEY, { tasks: [testTask(5)], count: 1 });
    applyStreamEvents(client, [{ id: undefined, event: 'reset', data: JSON.stringify({ reason: 'changes missed' }) }]);
    expect(client.getQueryState(LIST_KEY)?.isInvalidated).toBe(true);
  });
});
