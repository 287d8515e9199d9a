import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { formatDateTime } from '@/web/lib/format';
import TasksPage from '@/web/features/tasks/tasks-page';
import { taskId, testTask } from '@/web/test-support/batch-task-fixture';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

/** A service holding `tasks` (of every type), answering ListBatchTasks by type and marker as IoTDA does. */
function stubTasks(tasks: BatchTask[], status = 200) {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      asked.push(url);
      if (status !== 200) return jsonResponse(status, { error_code: 'IOTDA.000500', error_msg: 'Database unavailable.', request_id: 'req-5' });
      const marker = url.searchParams.get('marker') ?? 'f'.repeat(24);
      const ofType = tasks.filter((t) => t.task_type === url.searchParams.get('task_type'));
      const page = ofType.filter((t) => t.task_id < marker).slice(0, Number(url.searchParams.get('limit')));
      return jsonResponse(200, { batchtasks: page, page: { count: ofType.length, ...(page.length > 0 && { marker: page.at(-1)!.task_id }) } });
    }),
  );
  return asked;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Router hook={memoryLocation({ path: '/tasks' }).hook}>
        <TasksPage />
      </Router>
    </QueryClientProvider>,
  );
}

const rows = () => within(screen.getByRole('table', { name: 'Tasks, newest first' })).getAllByRole('row').slice(1);
const TYPES = ['freezeDevices', 'unfreezeDevices', 'forceOfflineDevices'] as const;

beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('the Tasks page', () => {
  it('lists the tasks of every type newest first: name, type, who, when, status and progress', async () => {
    stubTasks([
      testTask(1),
      testTask(3, { task_name: 'offline_line_4', task_type: 'forceOfflineDevices', created_user: 'olga', status: 'Processing', task_progress: { total: 400, success: 120, fail: 5, waitting: 275 } }),
      testTask(2, { task_type: 'unfreezeDevices', status: 'PartialSuccess', task_progress: { total: 10, success: 7, fail: 3 } }),
    ]);
    renderPage();
    await screen.findByRole('table', { name: 'Tasks, newest first' });
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Task', 'Type', 'Started by', 'Started', 'Status', 'Progress']);
    expect(rows().map((row) => within(row).getByRole('link').textContent)).toEqual(['offline_line_4', 'task_2', 'task_1']);
    const [first, second] = rows();
    expect(within(first!).getAllByRole('cell').slice(1, 5).map((cell) => cell.textContent)).toEqual([
      'Force offline',
      'olga',
      formatDateTime(Date.UTC(2026, 11, 4, 12, 0)),
      'Running',
    ]);
    expect(within(first!).getByRole('link')).toHaveAttribute('href', `/tasks/${taskId(3)}`);
    const bar = within(first!).getByRole('progressbar', { name: 'Progress of offline_line_4' });
    expect(bar).toHaveAttribute('aria-valuenow', '125');
    expect(bar).toHaveAttribute('aria-valuemax', '400');
    expect(bar).toHaveAttribute('aria-valuetext', '125 of 400 done, 5 failed');
    expect(within(second!).getByText('Partly succeeded')).toBeInTheDocument();
    expect(screen.getByText(/of/, { selector: '.task-paging-range' })).toHaveTextContent('1–3 of 3 tasks');
  });

  it('pages by marker to older tasks and back', async () => {
    // 45 tasks, by type in turn: the page of 20 merges the three lists.
    const asked = stubTasks(Array.from({ length: 45 }, (_, i) => testTask(i + 1, { task_type: TYPES[i % 3] })));
    renderPage();
    await screen.findByRole('table');
    expect(rows()[0]).toHaveTextContent('task_45');
    expect(rows()).toHaveLength(20);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('21–40 of', { exact: false })).toHaveTextContent('21–40 of 45 tasks');
    expect(rows()[0]).toHaveTextContent('task_25');
    expect(asked.slice(-3).map((url) => url.searchParams.get('marker'))).toEqual(Array(3).fill(taskId(26)));

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('41–45 of', { exact: false })).toBeInTheDocument();
    expect(rows().map((row) => within(row).getByRole('link').textContent)).toEqual(['task_5', 'task_4', 'task_3', 'task_2', 'task_1']);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    // The pressed button is now disabled: focus moves to the way back rather than to the page.
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('21–40 of', { exact: false })).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent('task_25');
  });

  it('says so when the workspace has no tasks', async () => {
    stubTasks([]);
    renderPage();
    expect(await screen.findByText('No tasks yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says why the tasks could not be read, and retries', async () => {
    const asked = stubTasks([], 503);
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent(/The tasks could not be loaded\..*Database unavailable\. \(request id req-5\)/);
    const before = asked.length;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(before));
  });
});
