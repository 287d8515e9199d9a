import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import type { User } from '@/contracts/operators';
import UsersPage from '@/web/features/users/users-page';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

const user = (username: string, role: User['role'], disabled = false): User => ({ username, role, disabled, created_at: '2026-12-01T10:00:00.000Z' });

/** A service with `users`, answering a PATCH with `patched` (or a refusal). */
function stubUsers(users: User[], patched: (body: Record<string, unknown>) => Response) {
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
      sent.push({ method: init?.method ?? 'GET', url: input, body });
      if (init?.method === 'PATCH') return patched(body!);
      return jsonResponse(200, { total: users.length, items: users });
    }),
  );
  return sent;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <UsersPage />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

it('lists the users and changes a role, saying the user was signed out', async () => {
  startTestSession('admin');
  const sent = stubUsers([user('admin', 'admin'), user('ann', 'viewer')], (body) => jsonResponse(200, { ...user('ann', 'viewer'), ...body }));
  renderPage();
  const row = (await screen.findByText('ann')).closest('tr')!;
  await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Role of ann' }), 'operator');
  await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ann: Operator. Their sessions were signed out.'));
  expect(sent.find((s) => s.method === 'PATCH')).toMatchObject({ url: '/console/v1/users/ann', body: { role: 'operator' } });
});

it('says plainly why the service refused a change', async () => {
  startTestSession('admin');
  stubUsers([user('admin', 'admin')], () =>
    jsonResponse(409, { error_code: 'CONSOLE.00000409', error_msg: 'A workspace keeps at least one enabled admin: make another user an admin first.', request_id: 'r' }),
  );
  renderPage();
  await userEvent.click(await screen.findByRole('button', { name: 'Disable admin' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('at least one enabled admin');
});

it('tells a non-admin the page is not theirs, and reads nothing', async () => {
  startTestSession('operator');
  const sent = stubUsers([], () => jsonResponse(500, {}));
  renderPage();
  expect(screen.getByText('Your role (operator) cannot manage users. Ask an admin.')).toBeInTheDocument();
  expect(sent).toEqual([]);
});
