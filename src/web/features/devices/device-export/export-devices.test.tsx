import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { ExportDevices } from '@/web/features/devices/device-export/export-devices';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const HEADER = 'id,device_name\r\n';
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => `${from + i},d${from + i}\r\n`).join('');

/** A service streaming the export in `chunks`, and counting 3 devices under any filter. */
function stubService(chunks: string[], status = 200) {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      asked.push(url);
      if (url.pathname.endsWith('/device-summary')) return jsonResponse(200, { total: 3, online_status: { 0: 0, 1: 3, 2: 0 }, status: { 0: 3, 1: 0 }, frozen: 0 });
      if (status !== 200) return jsonResponse(status, { error_code: 'APIGW.0302', error_msg: 'Forbidden: this call needs the viewer role.', request_id: 'r1' });
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
    }),
  );
  return asked;
}

function renderExport() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ExportDevices filters={{ online_status: '1' }} sort="-device_name" />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  startTestSession();
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }));
});
afterEach(() => vi.unstubAllGlobals());

it('asks for every device of the filter in the list\'s order, saves the file and says how many', async () => {
  const asked = stubService([HEADER + rows(1, 2), rows(3, 1)]);
  const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  renderExport();
  await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Exported 3 devices.'));
  const call = asked.find((url) => url.pathname.endsWith('/devices/export'))!;
  expect(Object.fromEntries(call.searchParams)).toEqual({ online_status: '1', sort: '-device_name' });
  expect(saved).toHaveBeenCalledOnce();
});

it('says why an export was refused, and saves nothing', async () => {
  stubService([], 403);
  const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  renderExport();
  await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Forbidden: this call needs the viewer role.');
  expect(saved).not.toHaveBeenCalled();
});
