import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import type { Device } from '@/contracts/device';
import type { ListDevicesResponse } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import DeviceEditForm from '@/web/features/devices/device-edit/device-edit-form';
import { jsonResponse, startTestSession, testDevice } from '@/web/test-support/device-fixture';

const listParams = { offset: '0', limit: '50' };
type Handler = (init: RequestInit) => Promise<Response> | Response;

/** Answers PUTs and GETs of the device from queues, and records what was sent. */
function stubService(puts: Handler[], gets: Handler[] = []) {
  const sent: RequestInit[] = [];
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    sent.push(init);
    const next = init.method === 'PUT' ? puts.shift() : gets.shift();
    if (!next) throw new Error(`unexpected ${init.method ?? 'GET'}`);
    return next(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent, puts: () => sent.filter((init) => init.method === 'PUT') };
}

function renderForm(device: Device = testDevice()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  queryClient.setQueryData(deviceQueries.detail(device.id).queryKey, { device, etag: '"42.1"' });
  queryClient.setQueryData(deviceQueries.list(listParams).queryKey, { total: 1, size: 1, items: [device] });
  const onSaved = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <DeviceEditForm detail={{ device, etag: '"42.1"' }} onClose={vi.fn()} onSaved={onSaved} />
    </QueryClientProvider>,
  );
  const shown = () => ({
    detail: queryClient.getQueryData<DeviceDetail>(deviceQueries.detail(device.id).queryKey)?.device.device_name,
    list: queryClient.getQueryData<ListDevicesResponse>(deviceQueries.list(listParams).queryKey)?.items[0]?.device_name,
  });
  return { user: userEvent.setup(), shown, onSaved };
}

async function rename(user: ReturnType<typeof userEvent.setup>, name: string) {
  const input = screen.getByRole('textbox', { name: 'Name' });
  await user.clear(input);
  await user.type(input, name);
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
}

const headerOf = (init: RequestInit | undefined, name: string) => (init?.headers as Record<string, string> | undefined)?.[name];

beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('device edit form: saving', () => {
  it('shows the change at once in the detail and the list, then rolls both back and says why', async () => {
    let answer: (response: Response) => void = () => {};
    const service = stubService([() => new Promise<Response>((resolve) => (answer = resolve))]);
    const { user, shown } = renderForm();
    await rename(user, 'pump-renamed');

    await waitFor(() => expect(shown()).toEqual({ detail: 'pump-renamed', list: 'pump-renamed' }));
    await waitFor(() => expect(service.puts()).toHaveLength(1));
    expect(headerOf(service.puts()[0], 'if-match')).toBe('"42.1"');
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();

    answer(jsonResponse(500, { error_code: 'ROMA.00000500', error_msg: 'Internal error.', request_id: 'req-500' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not saved. Internal error. (request id req-500)');
    expect(shown()).toEqual({ detail: 'pump-0042', list: 'pump-0042' });
    // The operator's edit is still in the form, ready to retry.
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('pump-renamed');
  });

  it("puts a SCB.00000000 refusal on the field its message names", async () => {
    stubService([
      () =>
        jsonResponse(400, {
          error_code: 'SCB.00000000',
          error_msg: 'Parameter is not valid for operation [romalink.link-device.update]. Parameter is [device_name]. Processor is [body].',
          request_id: 'req-400',
        }),
    ]);
    const { user, shown } = renderForm();
    await rename(user, 'pump-refused');
    const input = screen.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(input).toHaveAccessibleDescription(expect.stringContaining('The service refused this value (SCB.00000000, request id req-400).')));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(shown().detail).toBe('pump-0042');
  });

  it('on 412 shows what someone else changed, and overwrites with the new ETag', async () => {
    const theirs = testDevice({ device_name: 'pump-theirs', last_updated_user: { user_id: '', user_name: 'alice' } });
    const saved = testDevice({ device_name: 'pump-mine' });
    const service = stubService(
      [
        () => jsonResponse(412, { error_code: 'ROMA.00110412', error_msg: 'The device 42 has been modified since it was read.', request_id: 'r' }),
        () => jsonResponse(200, saved, { etag: '"42.3"' }),
      ],
      [() => jsonResponse(200, theirs, { etag: '"42.2"' })],
    );
    const { user, onSaved } = renderForm();
    await rename(user, 'pump-mine');

    const conflict = await screen.findByRole('alert');
    expect(conflict).toHaveTextContent('Someone else changed this device');
    expect(conflict).toHaveTextContent('alice');
    const row = within(conflict).getByRole('row', { name: /Name/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['pump-0042', 'pump-theirs', 'pump-mine']);

    await user.click(within(conflict).getByRole('button', { name: 'Overwrite with mine' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(service.puts().map((init) => headerOf(init, 'if-match'))).toEqual(['"42.1"', '"42.2"']);
  });

  it('on 412 reloads their version into the form when asked', async () => {
    const theirs = testDevice({ device_name: 'pump-theirs', tags: ['south'] });
    stubService(
      [() => jsonResponse(412, { error_code: 'ROMA.00110412', error_msg: 'Stale.', request_id: 'r' })],
      [() => jsonResponse(200, theirs, { etag: '"42.2"' })],
    );
    const { user } = renderForm();
    await rename(user, 'pump-mine');
    await user.click(await screen.findByRole('button', { name: 'Reload their version' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('pump-theirs');
    expect(screen.getByRole('button', { name: 'Remove tag south' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('on 412 saves again by itself when none of the edited fields changed (only a freeze moved the ETag)', async () => {
    const frozenMeanwhile = testDevice({ frozen: true });
    const service = stubService(
      [
        () => jsonResponse(412, { error_code: 'ROMA.00110412', error_msg: 'Stale.', request_id: 'r' }),
        () => jsonResponse(200, testDevice({ device_name: 'pump-mine', frozen: true }), { etag: '"42.3"' }),
      ],
      [() => jsonResponse(200, frozenMeanwhile, { etag: '"42.2"' })],
    );
    const { user, onSaved } = renderForm();
    await rename(user, 'pump-mine');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(service.puts().map((init) => headerOf(init, 'if-match'))).toEqual(['"42.1"', '"42.2"']);
  });
});
