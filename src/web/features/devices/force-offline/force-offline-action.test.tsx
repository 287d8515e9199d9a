import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import type { Device } from '@/contracts/device';
import type { Role } from '@/contracts/roles';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import { ForceOfflineAction } from '@/web/features/devices/force-offline/force-offline-action';
import { alreadyOfflineReason } from '@/web/lib/device-rules';
import { jsonResponse, startTestSession, testDevice } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

beforeAll(polyfillDialog);
afterEach(() => vi.unstubAllGlobals());

const online = testDevice({ online_status: 1, connected: true });

function renderAction(role: Role, device: Device = online) {
  startTestSession(role);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  queryClient.setQueryData(deviceQueries.detail(device.id).queryKey, { device, etag: '"42.1"' });
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <ForceOfflineAction device={device} onDone={onDone} />
    </QueryClientProvider>,
  );
  const shown = () => queryClient.getQueryData<DeviceDetail>(deviceQueries.detail(device.id).queryKey)?.device;
  return { user: userEvent.setup(), onDone, shown };
}

it('is disabled for a viewer, saying whose it is, and opens nothing', async () => {
  const { user } = renderAction('viewer');
  const button = screen.getByRole('button', { name: 'Force offline…' });
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(button).toHaveAccessibleDescription('Your role (viewer) cannot force devices offline. Ask an operator or an admin.');
  await user.click(button);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

it('says when there is nothing to end', () => {
  renderAction('operator', testDevice({ online_status: 2, connected: false }));
  expect(screen.getByRole('button', { name: 'Force offline…' })).toHaveAccessibleDescription(alreadyOfflineReason());
});

it('lets an operator force the device offline: shown at once, then announced', async () => {
  const sent: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return jsonResponse(200, { success: [{ id: 42, device_id: 42, device_name: 'pump-0042' }], failed: [] });
    }),
  );
  const { user, onDone, shown } = renderAction('operator');
  await user.click(screen.getByRole('button', { name: 'Force offline…' }));
  await user.click(await screen.findByRole('button', { name: 'Force offline' }));
  await waitFor(() => expect(onDone).toHaveBeenCalledWith('pump-0042 is offline.'));
  expect(sent).toEqual([{ device_ids: [42] }]);
  expect(shown()).toMatchObject({ online_status: 2, connected: false });
});

it('shows a 403 as the service words it, and puts the device back', async () => {
  let answer: (response: Response) => void = () => {};
  const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
  vi.stubGlobal('fetch', fetchMock);
  const { user, onDone, shown } = renderAction('operator');
  await user.click(screen.getByRole('button', { name: 'Force offline…' }));
  await user.click(await screen.findByRole('button', { name: 'Force offline' }));
  await waitFor(() => expect(shown()).toMatchObject({ online_status: 2, connected: false }));
  await waitFor(() => expect(fetchMock).toHaveBeenCalled());

  // The role changed on the service since this tab signed in.
  answer(jsonResponse(403, { error_code: 'APIGW.0302', error_msg: 'Your role (viewer) cannot force devices offline.', request_id: 'r-403' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Not forced offline: Your role (viewer) cannot force devices offline. (request id r-403) (APIGW.0302)');
  expect(shown()).toMatchObject({ online_status: 1, connected: true });
  expect(onDone).not.toHaveBeenCalled();
});
