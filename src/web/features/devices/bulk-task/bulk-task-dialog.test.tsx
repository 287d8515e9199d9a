import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import BulkTaskDialog from '@/web/features/devices/bulk-task/bulk-task-dialog';
import { testTask } from '@/web/test-support/batch-task-fixture';
import { startTestSession, testDeviceRefs } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

beforeAll(polyfillDialog);
beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderDialog(devices: Parameters<typeof BulkTaskDialog>[0]['devices'], onStarted = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } })}>
      <BulkTaskDialog type="freezeDevices" devices={devices} onClose={vi.fn()} onStarted={onStarted} />
    </QueryClientProvider>,
  );
  return onStarted;
}

describe('bulk task dialog', () => {
  it('sends ticked devices by their IoTDA ids, then follows the task to its end', async () => {
    const devices = testDeviceRefs(3);
    const running = testTask(1, { status: 'Processing', task_progress: { total: 3, success: 1, waitting: 2 } });
    const ended = testTask(1, { status: 'PartialSuccess', task_progress: { total: 3, success: 2, fail: 1 } });
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'POST' ? json(running, 201) : json({ batchtask: ended, task_details: [], page: { count: 3 } })));
    vi.stubGlobal('fetch', fetch);
    const onStarted = renderDialog(devices);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Freeze 3 devices' }));

    expect(await screen.findByRole('status')).toHaveTextContent('2 frozen, 1 failed.');
    expect(screen.getByRole('heading', { name: 'Freezing devices: task ended' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View task' })).toHaveAttribute('href', `/tasks/${running.task_id}`);
    expect(onStarted).toHaveBeenCalledOnce();
    const sent = JSON.parse(String(fetch.mock.calls.find(([, init]) => init?.method === 'POST')![1]!.body)) as { targets: string[]; targets_filter?: unknown };
    expect(sent.targets).toEqual(devices.map((d) => d.iotda_device_id));
    expect(sent.targets_filter).toBeUndefined();
  });

  it('sends every matching device as the filter, less those unticked, and says why it was refused', async () => {
    const [unticked] = testDeviceRefs(1);
    const fetch = vi.fn(async () => json({ error_code: 'IOTDA.000006', error_msg: 'Invalid input data.', request_id: 'r1' }, 400));
    vi.stubGlobal('fetch', fetch);
    const onStarted = renderDialog({ query: { online_status: '1', device_name: '' }, total: 50, except: new Map([[unticked!.id, unticked!]]) });
    expect(screen.getByRole('dialog')).toHaveTextContent('49 devices: every device matching the list’s filter, less the 1 device you unticked.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Freeze 49 devices' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('IOTDA.000006');
    expect(onStarted).not.toHaveBeenCalled();
    const sent = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as { targets_filter: Record<string, unknown> };
    expect(sent.targets_filter).toEqual({ online_status: '1', except_targets: [unticked!.iotda_device_id] });
  });
});
