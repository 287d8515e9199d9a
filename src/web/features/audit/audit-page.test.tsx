import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { AuditRecord } from '@/contracts/operators';
import AuditPage from '@/web/features/audit/audit-page';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const record: AuditRecord = {
  id: 7,
  at: '2026-12-05T08:00:00.000Z',
  user: 'olga',
  action: 'device.forceOffline',
  result: 'success',
  device_id: 42,
  target: null,
  error_code: null,
  error_msg: null,
  before: { connected: 1, online_status: 1 },
  after: { connected: 0, online_status: 2 },
  run_id: 'run-1',
  request_id: 'req-1',
  client_ip: '10.0.0.1',
};

function stubAudit() {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      asked.push(url);
      return jsonResponse(200, { total: 1, items: [record] });
    }),
  );
  return asked;
}

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Router hook={memoryLocation({ path: '/audit' }).hook}>
        <AuditPage />
      </Router>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

it('shows who did what to which device, with the fields before and after', async () => {
  startTestSession('admin');
  stubAudit();
  renderPage();
  const row = (await screen.findByText('olga')).closest('tr')!;
  expect(row).toHaveTextContent('Force offline');
  expect(row).toHaveTextContent('connected 1 → 0');
  expect(row).toHaveTextContent('online_status 1 → 2');
  expect(screen.getByRole('link', { name: '42' })).toHaveAttribute('href', '/devices/42');
});

it('applies the filters together, from the first page', async () => {
  startTestSession('admin');
  const asked = stubAudit();
  renderPage();
  await screen.findByText('olga');
  await userEvent.type(screen.getByLabelText('User'), 'olga');
  await userEvent.selectOptions(screen.getByLabelText('Action'), 'device.forceOffline');
  await userEvent.selectOptions(screen.getByLabelText('Result'), 'refused');
  await userEvent.type(screen.getByLabelText('Device ID'), '42');
  await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  expect(Object.fromEntries(asked[1]!.searchParams)).toEqual({ user: 'olga', action: 'device.forceOffline', result: 'refused', device_id: '42', offset: '0', limit: '50' });
});

it('tells a non-admin the audit log is the admins\'', () => {
  startTestSession('viewer');
  const asked = stubAudit();
  renderPage();
  expect(screen.getByText('Your role (viewer) cannot read the audit log. Ask an admin.')).toBeInTheDocument();
  expect(asked).toEqual([]);
});
