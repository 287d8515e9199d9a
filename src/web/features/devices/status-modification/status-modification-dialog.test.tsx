import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import type { Device } from '@/contracts/device';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import StatusModificationDialog from '@/web/features/devices/status-modification/status-modification-dialog';
import { jsonResponse, startTestSession, testDevice } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

beforeAll(polyfillDialog);
beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

function renderDialog(device: Device) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  queryClient.setQueryData(deviceQueries.detail(device.id).queryKey, { device, etag: '"42.1"' });
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <StatusModificationDialog device={device} onClose={vi.fn()} onDone={onDone} />
    </QueryClientProvider>,
  );
  const shown = () => queryClient.getQueryData<DeviceDetail>(deviceQueries.detail(device.id).queryKey)?.device;
  return { user: userEvent.setup(), onDone, shown };
}

describe('status modification dialog (000)', () => {
  it('says plainly that it neither connects nor disconnects', () => {
    renderDialog(testDevice());
    expect(screen.getByText(/does not connect or disconnect the device/)).toBeInTheDocument();
  });

  it.each([
    ['mirrored', { mirrored: true }, /mirrored/],
    ['disabled', { status: 1 as const }, /disabled/],
  ])('explains before trying why a %s device cannot be changed, and offers no change', (_case, overrides, reason) => {
    renderDialog(testDevice(overrides));
    expect(screen.getByText(reason, { selector: '.status-refusal' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'OK' })).toBeInTheDocument();
  });

  it('forces a connected device offline first (004 with its one id), then sets the status', async () => {
    const calls: Array<{ url: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        if (url.includes('force-offline')) return jsonResponse(200, { success: [{ id: 42, device_id: 42, device_name: 'pump-0042' }], failed: [] });
        return jsonResponse(200, { code: 0, msg: 'OK', requestId: 'e-1', data: null });
      }),
    );
    const { user, onDone, shown } = renderDialog(testDevice({ connected: true, online_status: 1 }));
    await user.click(screen.getByRole('button', { name: 'Force offline first, then set status' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Status of pump-0042 set to Offline.'));
    expect(calls.map((c) => c.body)).toEqual([{ device_ids: [42] }, { assetId: 'a0000042', status: 'offline' }]);
    expect(calls[1]?.url).toBe('/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default');
    expect(shown()).toMatchObject({ online_status: 2, connected: false });
  });

  it("shows the service's refusal verbatim with its code, and rolls the status back", async () => {
    let answer: (response: Response) => void = () => {};
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    const { user, shown } = renderDialog(testDevice({ online_status: 2 }));
    await user.click(screen.getByRole('radio', { name: /Inactive/ }));
    await user.click(screen.getByRole('button', { name: 'Set status' }));
    await waitFor(() => expect(shown()?.online_status).toBe(0));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());

    answer(jsonResponse(200, { code: 99400, msg: 'Invalid arguments: Unable to modify status for mirrored devices.', requestId: 'e-9', data: null }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service refused: Invalid arguments: Unable to modify status for mirrored devices.');
    expect(alert).toHaveTextContent('Code 99400 · request id e-9');
    expect(shown()?.online_status).toBe(2);
  });
});
