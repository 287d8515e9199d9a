import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { PasswordDialog } from '@/web/features/users/password-dialog';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

function renderDialog(own: boolean) {
  const sent: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return own ? new Response(null, { status: 204 }) : jsonResponse(400, { error_code: 'SCB.00000000', error_msg: 'password: A password has at least 12 characters.', request_id: 'r' });
    }),
  );
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <PasswordDialog username="ann" own={own} onClose={() => {}} onDone={onDone} />
    </QueryClientProvider>,
  );
  return { sent, onDone };
}

beforeEach(() => {
  polyfillDialog();
  startTestSession('viewer');
});
afterEach(() => vi.unstubAllGlobals());

it('checks the service\'s rules before sending, then sends the current and the new password', async () => {
  const { sent, onDone } = renderDialog(true);
  await userEvent.type(screen.getByLabelText('Current password'), 'old password 123');
  await userEvent.type(screen.getByLabelText('New password'), 'ann-is-my-name!');
  await userEvent.type(screen.getByLabelText('New password again'), 'something else entirely');
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  expect(await screen.findByText('The password must not contain the user name.')).toBeInTheDocument();
  expect(screen.getByText('The two passwords differ.')).toBeInTheDocument();
  expect(sent).toEqual([]);

  await userEvent.clear(screen.getByLabelText('New password'));
  await userEvent.type(screen.getByLabelText('New password'), 'a much better secret');
  await userEvent.clear(screen.getByLabelText('New password again'));
  await userEvent.type(screen.getByLabelText('New password again'), 'a much better secret');
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(sent).toEqual([{ password: 'a much better secret', currentPassword: 'old password 123' }]);
});

it('asks an admin resetting another\'s password for no current one, and shows the service\'s refusal', async () => {
  const { sent } = renderDialog(false);
  expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('New password'), 'a much better secret');
  await userEvent.type(screen.getByLabelText('New password again'), 'a much better secret');
  await userEvent.click(screen.getByRole('button', { name: 'Reset password' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Not changed: password: A password has at least 12 characters.');
  expect(sent).toEqual([{ password: 'a much better secret' }]);
});
