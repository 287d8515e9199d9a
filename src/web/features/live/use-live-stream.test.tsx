import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@/web/test-support/render';
import type { ReactNode } from 'react';
import type { StreamHandlers } from '@/web/api/event-stream';
import { batchTaskQueries, type TaskList } from '@/web/api/batch-tasks';
import { useLiveStream } from '@/web/features/live/use-live-stream';
import { testTask } from '@/web/test-support/batch-task-fixture';

const opened = vi.hoisted(() => [] as StreamHandlers[]);
vi.mock('@/web/api/event-stream', () => ({
  readEventStream: async (handlers: StreamHandlers) => {
    opened.push(handlers);
  },
}));

const LIST_KEY = batchTaskQueries.list({ limit: 20 }).queryKey;

describe('useLiveStream and batch tasks', () => {
  it('reads the tasks again when the stream comes back, not when it first opens', () => {
    const client = new QueryClient();
    client.setQueryData<TaskList>(LIST_KEY, { tasks: [testTask(5)], count: 1 });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    renderHook(() => useLiveStream(), { wrapper });
    const stream = opened.at(-1)!;
    act(() => stream.onState('live'));
    expect(client.getQueryState(LIST_KEY)?.isInvalidated).toBe(false);
    act(() => stream.onState('reconnecting'));
    act(() => stream.onState('live'));
    expect(client.getQueryState(LIST_KEY)?.isInvalidated).toBe(true);
  });
});
