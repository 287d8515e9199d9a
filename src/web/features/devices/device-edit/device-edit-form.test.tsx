import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { deviceQueries } from '@/web/api/device-queries';
import DeviceEditForm from '@/web/features/devices/device-edit/device-edit-form';
import { startTestSession, testDevice } from '@/web/test-support/device-fixture';

function renderForm() {
  const device = testDevice();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(deviceQueries.detail(device.id).queryKey, { device, etag: '"42.1"' });
  render(
    <QueryClientProvider client={queryClient}>
      <DeviceEditForm detail={{ device, etag: '"42.1"' }} onClose={vi.fn()} onSaved={vi.fn()} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const descriptionInput = () => screen.getByRole('textbox', { name: 'Description' });
const tagInput = () => screen.getByRole('textbox', { name: 'New tag' });

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, value: string) {
  await user.clear(input);
  if (value) await user.paste(value);
}

/** The field's error is part of its accessible description, as a screen reader announces it. */
async function expectError(input: HTMLElement, message: string | null) {
  await waitFor(() => {
    if (message === null) {
      expect(input).not.toHaveAttribute('aria-invalid');
    } else {
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    }
  });
}

beforeEach(() => startTestSession());

describe('device edit form: 001 limits as the operator types', () => {
  it.each([
    ['1 character', 'a', 'Device name must be at least 2 characters.'],
    ['2 characters', 'ab', null],
    ['64 characters', 'n'.repeat(64), null],
    ['65 characters', 'n'.repeat(65), 'Device name must be at most 64 characters.'],
    ['a space', 'pump 42', 'no spaces'],
    ["001's special characters", "a(b)_c,#.?'-@%&!", null],
  ])('name of %s', async (_case, value, message) => {
    const user = renderForm();
    await user.click(nameInput());
    await replace(user, nameInput(), value);
    await expectError(nameInput(), message);
  });

  it('counts the description and accepts 200 characters but not 201', async () => {
    const user = renderForm();
    await user.click(descriptionInput());
    await replace(user, descriptionInput(), 'd'.repeat(200));
    await expectError(descriptionInput(), null);
    expect(descriptionInput()).toHaveAccessibleDescription(expect.stringContaining('200 / 200 characters'));
    await user.type(descriptionInput(), 'd');
    await expectError(descriptionInput(), 'Description must be at most 200 characters.');
    expect(screen.getByText('201 / 200 characters')).toBeInTheDocument();
  });

  it('adds a tag of 64 characters', async () => {
    const user = renderForm();
    await user.click(tagInput());
    await user.paste('t'.repeat(64));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: `Remove tag ${'t'.repeat(64)}` })).toBeInTheDocument();
    expect(tagInput()).toHaveValue('');
  });

  it('refuses a tag of 65 characters as soon as it is typed', async () => {
    const user = renderForm();
    await user.click(tagInput());
    await user.paste('t'.repeat(65));
    await expectError(tagInput(), 'A tag must be at most 64 characters.');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.queryByRole('button', { name: /^Remove tag t+$/ })).not.toBeInTheDocument();
  });

  it('refuses an empty tag, and a duplicate one', async () => {
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await expectError(tagInput(), 'A tag cannot be empty.');
    await user.type(tagInput(), 'north{Enter}');
    await expectError(tagInput(), 'Tags must be unique.');
  });

  it('removes a tag', async () => {
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Remove tag north' }));
    expect(screen.getByText('No tags.')).toBeInTheDocument();
    expect(tagInput()).toHaveFocus();
  });
});
