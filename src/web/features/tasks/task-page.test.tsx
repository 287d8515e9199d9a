import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import type { TaskDetail } from '@/contracts/iotda-batch-task-details';
import { formatDateTime } from '@/web/lib/format';
import TaskPage from '@/web/features/tasks/task-page';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';
import { showAnswer, taskId, testDetail, testTask } from '@/web/test-support/batch-task-fixture';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const ID = taskId(77);
const BASE = `/v5/iot/default/batchtasks/${ID}`;
const partly = testTask(77, {
  task_name: 'freeze_line_4',
  created_user: 'olga',
  status: 'PartialSuccess',
  targets: undefined,
  targets_filter: { online_status: '1,2', device_name: 'pump', except_targets: ['7_9'] },
  task_progress: { total: 120, success: 117, fail: 3 },
});
// 117 succeeded and 3 failed, the failed ones last in the task's order, so first in IoTDA's.
const allDetails: TaskDetail[] = Array.from({ length: 120 }, (_, i) => testDetail(119 - i, i < 3 ? 'Fail' : 'Success'));

interface Call {
  url: URL;
  method: string;
  body: unknown;
}

/** The service of one task: ShowBatchTask pages its subtasks by status and marker (the subtask's place, as 24 hex); stop and retry answer `control`. */
function stubTask(task: BatchTask, control: () => Response = () => jsonResponse(200, { targets: [] })) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
      if (init.method === 'POST') return control();
      if (url.pathname !== BASE) return jsonResponse(404, { error_code: 'IOTDA.014301', error_msg: 'The batch task does not exist.', request_id: 'req-4' });
      const status = url.searchParams.get('task_detail_status');
      const matching = allDetails.filter((d) => !status || d.status === status);
      const after = Number.parseInt(url.searchParams.get('marker') ?? '0', 16);
      const start = after === 0 ? 0 : after;
      const page = matching.slice(start, start + Number(url.searchParams.get('limit')));
      return jsonResponse(200, showAnswer(task, page, matching.length, page.length > 0 ? taskId(start + page.length) : undefined));
    }),
  );
  return calls;
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const location = memoryLocation({ path, record: true });
  render(
    <QueryClientProvider client={client}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Route path="/tasks/:taskId" component={TaskPage} />
      </Router>
    </QueryClientProvider>,
  );
  return location;
}

const reportRows = () => within(screen.getByRole('table', { name: 'Result per device' })).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
const gets = (calls: Call[]) => calls.filter((c) => c.method === 'GET');

beforeEach(() => {
  startTestSession();
  polyfillDialog();
});
afterEach(() => vi.unstubAllGlobals());

describe('a task’s page', () => {
  it('shows the task: status, type, who started it and when, its progress and what it targeted', async () => {
    const calls = stubTask(partly);
    renderAt(`/tasks/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'freeze_line_4' })).toBeInTheDocument();
    expect(screen.getByText('Partly succeeded')).toHaveClass('badge');
    expect(screen.getByText(/Freeze · started by olga ·/)).toHaveTextContent(formatDateTime(Date.UTC(2026, 11, 4, 12, 0)));
    const bar = screen.getByRole('progressbar', { name: 'Task progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '120');
    expect(bar).toHaveAttribute('aria-valuemax', '120');
    expect(bar).toHaveAttribute('aria-valuetext', '120 of 120 done, 3 failed');
    expect(screen.getByText('Targets').nextElementSibling).toHaveTextContent('Devices matching: name contains “pump”, Online or Offline; 1 device left out');
    expect(screen.getByRole('link', { name: 'Show the filter in the device list' })).toHaveAttribute('href', '/?device_name=pump&online_status=1%2C2');
    expect(Object.fromEntries(gets(calls)[0]!.url.searchParams)).toEqual({ limit: '50' });
  });

  it('lists each device’s result, a page of 50 at a time', async () => {
    const calls = stubTask(partly);
    renderAt(`/tasks/${ID}`);
    await screen.findByRole('table', { name: 'Result per device' });
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Device ID', 'Result', 'Error code', 'Reason']);
    expect(reportRows()).toHaveLength(50);
    expect(cells(reportRows()[0]!)).toEqual(['7_119', 'Failed', 'IOTDA.000006', 'device 119 is a sub-device']);
    expect(cells(reportRows()[3]!)).toEqual(['7_116', 'Succeeded', '—', '—']);

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('51–100 of', { exact: false })).toHaveTextContent('51–100 of 120 devices');
    expect(gets(calls).at(-1)!.url.searchParams.get('marker')).toBe(taskId(50));
    expect(cells(reportRows()[0]!)[0]).toBe('7_69');
  });

  it('filters the report by result, in the address, with each result’s count', async () => {
    const calls = stubTask(partly);
    const location = renderAt(`/tasks/${ID}`);
    await screen.findByRole('table', { name: 'Result per device' });
    expect(within(screen.getByRole('group', { name: 'Show devices' })).getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      'All (120)',
      'Succeeded (117)',
      'Failed (3)',
      'Stopped (0)',
      'Waiting (0)',
    ]);
    await userEvent.click(screen.getByRole('radio', { name: 'Failed (3)' }));
    await vi.waitFor(() => expect(reportRows()).toHaveLength(3));
    expect(gets(calls).at(-1)!.url.searchParams.get('task_detail_status')).toBe('Fail');
    expect(location.history.at(-1)).toBe(`/tasks/${ID}?result=failed`);

    await userEvent.click(screen.getByRole('radio', { name: 'Stopped (0)' }));
    expect(await screen.findByText('No device was stopped.')).toBeInTheDocument();
  });

  it('opens on the result the address names', async () => {
    const calls = stubTask(partly);
    renderAt(`/tasks/${ID}?result=failed`);
    await screen.findByRole('table', { name: 'Result per device' });
    expect(screen.getByRole('radio', { name: 'Failed (3)' })).toBeChecked();
    expect(gets(calls).map((c) => c.url.searchParams.get('task_detail_status'))).toEqual(['Fail']);
  });

  it('retries the failed devices with {} and says how many', async () => {
    const calls = stubTask(partly, () => jsonResponse(200, { targets: ['7_119', '7_118', '7_117'].map((target) => ({ target, status: 'success' })) }));
    renderAt(`/tasks/${ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('Retrying 3 devices.')).toHaveFocus();
    const retry = calls.find((c) => c.method === 'POST')!;
    expect(retry.url.pathname).toBe(`${BASE}/retry`);
    expect(retry.body).toEqual({});
    // The task is read again.
    await vi.waitFor(() => expect(gets(calls)).toHaveLength(2));
  });

  it('says why a retry was refused', async () => {
    const refusal = { error_code: 'IOTDA.014302', error_msg: 'The batch task is Stopping: this operation is not allowed in that status.', request_id: 'req-9' };
    stubTask(partly, () => jsonResponse(400, refusal));
    renderAt(`/tasks/${ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not retried: The batch task is Stopping: this operation is not allowed in that status. (request id req-9)');
  });

  it.each([
    ['succeeded', testTask(77, { status: 'Success' })],
    ['stopped, though some failed', testTask(77, { status: 'Stopped', task_progress: { total: 4, success: 1, fail: 1, stopped: 2 } })],
    ['waiting to run', testTask(77, { status: 'Waitting', task_progress: { total: 4, success: 0, fail: 1, waitting: 3 } })],
  ])('offers no retry when the task %s', async (_, task) => {
    stubTask(task);
    renderAt(`/tasks/${ID}`);
    await screen.findByRole('table', { name: 'Result per device' });
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument();
  });

  it('stops a running task once the operator confirms', async () => {
    const running = testTask(77, { status: 'Processing', task_progress: { total: 120, success: 40, fail: 2, processing: 8, waitting: 70 } });
    const calls = stubTask(running, () => jsonResponse(200, { targets: Array.from({ length: 78 }, (_, i) => ({ target: `7_${i}`, status: 'success' })) }));
    renderAt(`/tasks/${ID}`);
    // Running with failures: both actions, as IoTDA accepts both.
    expect(await screen.findByRole('button', { name: 'Retry failed' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop task_77?' });
    expect(dialog).toHaveTextContent('The 78 devices not done yet are left as they are.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop task' }));
    expect(await screen.findByText('Task stopped: 78 devices left undone.')).toBeInTheDocument();
    const stop = calls.find((c) => c.method === 'POST')!;
    expect(stop.url.pathname).toBe(`${BASE}/stop`);
    expect(stop.body).toEqual({});
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offers no stop once the task is over', async () => {
    stubTask(partly);
    renderAt(`/tasks/${ID}`);
    await screen.findByRole('button', { name: 'Retry failed' });
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('downloads every device’s result as CSV, whatever the filter', async () => {
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:report'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe(`freeze_line_4-${ID}.csv`);
    });
    const calls = stubTask(partly);
    renderAt(`/tasks/${ID}?result=failed`);
    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
    const lines = (await created[0]!.text()).split('\r\n');
    expect(lines[0]).toBe('device_id,result,error_code,reason');
    expect(lines[1]).toBe('7_119,Failed,IOTDA.000006,device 119 is a sub-device');
    expect(lines[120]).toBe('7_0,Succeeded,,');
    expect(lines).toHaveLength(122);
    // Three pages of 50 along the markers, every status.
    expect(gets(calls).slice(1).map((c) => [c.url.searchParams.get('marker'), c.url.searchParams.get('task_detail_status')])).toEqual([
      [null, null],
      [taskId(50), null],
      [taskId(100), null],
    ]);
  });

  it('keeps the task on screen and says why when it could not be read again', async () => {
    let down = false;
    stubTask(partly, () => jsonResponse(200, { targets: [{ target: '7_119', status: 'success' }] }));
    const served = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (...args) =>
      down && args[1]?.method !== 'POST' ? jsonResponse(503, { error_code: 'IOTDA.000500', error_msg: 'Database unavailable.', request_id: 'req-6' }) : served(...args),
    );
    renderAt(`/tasks/${ID}`);
    await screen.findByRole('table', { name: 'Result per device' });
    down = true;
    // The retry is answered; reading the task again after it is not.
    await userEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The task could not be refreshed: Database unavailable. (request id req-6)');
    expect(screen.getByRole('heading', { level: 1, name: 'freeze_line_4' })).toBeInTheDocument();
  });

  it('says the task does not exist when the service has none of that id', async () => {
    stubTask(partly);
    renderAt(`/tasks/${taskId(78)}`);
    expect(await screen.findByRole('heading', { name: 'Task not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the tasks' })).toHaveAttribute('href', '/tasks');
  });

  it('asks nothing for an id that names no task', async () => {
    const calls = stubTask(partly);
    renderAt('/tasks/NOT-A-TASK');
    expect(await screen.findByRole('heading', { name: 'Task not found' })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
