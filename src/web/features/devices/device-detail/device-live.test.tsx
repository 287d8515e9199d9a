import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { ConnectionEvent } from '@/contracts/console';
import { ConnectionHistory } from '@/web/features/devices/device-detail/connection-history';
import { LatestReport } from '@/web/features/devices/device-detail/latest-report';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const AT = Date.UTC(2026, 11, 4, 12, 0);
const event = (i: number): ConnectionEvent => ({ at: AT - i * 60_000, event: i % 2 ? 'connected' : 'disconnected', reason: i % 2 ? 'connected' : `reason ${i}`, client_ip: `10.0.0.${i}` });

/** Answers each GET by its path and query, and records the URLs asked. */
function stubService(answer: (url: URL) => unknown) {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      asked.push(url);
      return jsonResponse(200, answer(url));
    }),
  );
  return asked;
}

function renderWithQueries(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('the device page’s connection history', () => {
  it('lists the newest entries first with their reason and address, and pages to older ones', async () => {
    const asked = stubService((url) => {
      const offset = Number(url.searchParams.get('offset'));
      return { total: 25, items: Array.from({ length: offset === 0 ? 20 : 5 }, (_, i) => event(offset + i)) };
    });
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    const table = await screen.findByRole('table', { name: 'Connection history' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(21);
    expect(within(rows[1]!).getByText('reason 0')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('10.0.0.0')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Connected', { selector: '.history-event' })).toBeInTheDocument();
    expect(screen.getByText('1–20 of 25')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('21–25 of 25')).toBeInTheDocument();
    expect(asked.at(-1)?.pathname).toBe('/console/v1/projects/default/instances/default/devices/42/connections');
    expect(asked.at(-1)?.searchParams.get('offset')).toBe('20');
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
  });

  it('says so when the device never connected', async () => {
    stubService(() => ({ total: 0, items: [] }));
    renderWithQueries(<ConnectionHistory deviceId={42} />);
    expect(await screen.findByText('No connections yet: this device has never connected.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the device page’s latest report', () => {
  it('shows each service’s properties and when they came', async () => {
    stubService(() => ({ reported_at: AT, report: { services: [{ service_id: 'Battery', properties: { level: 87 } }] } }));
    renderWithQueries(<LatestReport deviceId={42} />);
    const section = await screen.findByRole('region', { name: 'Latest report' });
    expect(within(section).getByText('Battery · level')).toBeInTheDocument();
    expect(within(section).getByText('87')).toBeInTheDocument();
    expect(within(section).getByText(/^Reported /)).toBeInTheDocument();
  });

  it('shows another shape as text, and says when there is no report yet', async () => {
    stubService((url) => (url.pathname.endsWith('/7/report') ? { reported_at: AT, report: 'not json' } : { reported_at: null, report: null }));
    renderWithQueries(
      <>
        <LatestReport deviceId={7} />
        <LatestReport deviceId={8} />
      </>,
    );
    expect(await screen.findByText('not json')).toBeInTheDocument();
    expect(await screen.findByText('No report yet.')).toBeInTheDocument();
  });
});
