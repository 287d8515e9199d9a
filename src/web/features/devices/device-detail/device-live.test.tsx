import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { ConnectionEvent } from '@/contracts/console';
import { deviceQueries } from '@/web/api/device-queries';
import { formatDateTimeSeconds } from '@/web/lib/format';
import { ConnectionHistory } from '@/web/features/devices/device-detail/connection-history';
import { LatestReport } from '@/web/features/devices/device-detail/latest-report';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const AT = Date.UTC(2026, 11, 4, 12, 0);
// Entry i is i minutes older than the newest; even ones are drops with their own reason.
const event = (i: number): ConnectionEvent => ({ at: AT - i * 60_000, event: i % 2 ? 'connected' : 'disconnected', reason: i % 2 ? 'connected' : `reason ${i}`, client_ip: `10.0.0.${i}` });
const history = (total: number) => (url: URL) => {
  const offset = Number(url.searchParams.get('offset'));
  const limit = Number(url.searchParams.get('limit'));
  return { total, items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => event(offset + i)) };
};

/** Answers each GET by its path and query, and records the URLs asked. */
function stubService(answer: (url: URL) => unknown, status = 200) {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      asked.push(url);
      return jsonResponse(status, answer(url));
    }),
  );
  return asked;
}

function renderWithQueries(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
  return client;
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('the device page’s connection history', () => {
  it('lists the newest 20 entries first, with time, event, reason and address', async () => {
    const asked = stubService(history(25));
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    const table = await screen.findByRole('table', { name: 'Connection history' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Time', 'Event', 'Reason', 'Address']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(cells(rows[0]!)).toEqual([formatDateTimeSeconds(AT), 'Disconnected', 'reason 0', '10.0.0.0']);
    expect(cells(rows[1]!)).toEqual([formatDateTimeSeconds(AT - 60_000), 'Connected', 'connected', '10.0.0.1']);
    expect(asked[0]?.pathname).toBe('/console/v1/projects/default/instances/default/devices/42/connections');
    expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({ offset: '0', limit: '20' });
    expect(screen.getByText('1–20 of 25')).toBeInTheDocument();
  });

  it('pages to older entries with offset=20, and back', async () => {
    const asked = stubService(history(25));
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    await screen.findByRole('table', { name: 'Connection history' });
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('21–25 of 25')).toBeInTheDocument();
    expect(asked.at(-1)?.searchParams.get('offset')).toBe('20');
    expect(screen.getByRole('cell', { name: 'reason 20' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
    // The pressed button is now disabled: focus moves to the way back rather than to the page.
    expect(screen.getByRole('button', { name: 'Newer' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('1–20 of 25')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'reason 0' })).toBeInTheDocument();
  });

  it('says so when the device never connected', async () => {
    stubService(() => ({ total: 0, items: [] }));
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    expect(await screen.findByText('No connections yet: this device has never connected.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Connection history pages' })).not.toBeInTheDocument();
  });

  it('refreshes with the device: invalidating its detail refetches the history', async () => {
    let total = 1;
    const asked = stubService((url) => history(total)(url));
    const client = renderWithQueries(<ConnectionHistory deviceId={42} />);
    expect(await screen.findByText('1–1 of 1')).toBeInTheDocument();
    total = 2;
    await act(() => client.invalidateQueries({ queryKey: deviceQueries.detail(42).queryKey }));
    expect(await screen.findByText('1–2 of 2')).toBeInTheDocument();
    expect(asked).toHaveLength(2);
  });

  it('says why the history could not be read', async () => {
    stubService(() => ({ error_code: 'SVC.0500', error_msg: 'Database unavailable.', request_id: 'req-1' }), 503);
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/The history could not be read: .*Database unavailable/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('the device page’s latest report', () => {
  it('shows each service’s properties, and when they came', async () => {
    const asked = stubService(() => ({
      reported_at: AT,
      report: { services: [{ service_id: 'Battery', properties: { level: 87, charging: false } }, { service_id: 'Pump', properties: { rpm: 1200 } }] },
    }));
    renderWithQueries(<LatestReport deviceId={42} />);
    const section = screen.getByRole('region', { name: 'Latest report' });
    expect(await within(section).findByText(formatDateTimeSeconds(AT))).toBeInTheDocument();
    expect(asked[0]?.pathname).toBe('/console/v1/projects/default/instances/default/devices/42/report');
    const services = within(section).getAllByRole('term').filter((term) => term.closest('dd') === null);
    expect(services.map((term) => term.textContent)).toEqual(['Battery', 'Pump']);
    // Each service's definition is its own list: property → value.
    const battery = services[0]!.nextElementSibling as HTMLElement;
    expect(within(battery).getAllByRole('term').map((t) => t.textContent)).toEqual(['level', 'charging']);
    expect(within(battery).getAllByRole('definition').map((d) => d.textContent)).toEqual(['87', 'false']);
  });

  it('shows another shape as pretty-printed JSON', async () => {
    stubService(() => ({ reported_at: AT, report: { temperature: 21 } }));
    renderWithQueries(<LatestReport deviceId={42} />);
    const text = await screen.findByText((_, el) => el?.tagName === 'PRE');
    expect(text.textContent).toBe('{\n  "temperature": 21\n}');
  });

  it('says when there is no report yet', async () => {
    stubService(() => ({ reported_at: null, report: null }));
    renderWithQueries(<LatestReport deviceId={42} />);
    expect(await screen.findByText('No report yet.')).toBeInTheDocument();
    expect(screen.queryByRole('term')).not.toBeInTheDocument();
  });
});
