import { act, render, screen, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import KeyboardShortcuts from '@/web/features/shortcuts/keyboard-shortcuts';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

beforeEach(() => {
  polyfillDialog();
  window.history.replaceState(null, '', '/tasks');
});

it('lists the shortcuts on ?, and closes the list on Escape', async () => {
  render(<KeyboardShortcuts />);
  await userEvent.keyboard('?');
  const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(help).toHaveTextContent('Select or deselect the device');
  // A browser's showModal focuses the dialog's first control; the polyfill leaves that to us.
  act(() => within(help).getAllByRole('button')[0]!.focus());

  await userEvent.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

it('goes to the device list on g d and to Tasks on g t', async () => {
  render(<KeyboardShortcuts />);
  await userEvent.keyboard('gd');
  expect(window.location.pathname).toBe('/');
  await userEvent.keyboard('gt');
  expect(window.location.pathname).toBe('/tasks');
});

it('does not navigate while the list of shortcuts is open', async () => {
  render(<KeyboardShortcuts />);
  await userEvent.keyboard('?');
  await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  await userEvent.keyboard('gd');
  expect(window.location.pathname).toBe('/tasks');
});

it('leaves keys typed into a field alone', async () => {
  render(
    <>
      <input aria-label="Search" />
      <KeyboardShortcuts />
    </>,
  );
  await userEvent.type(screen.getByLabelText('Search'), 'gd?');
  expect(screen.getByLabelText('Search')).toHaveValue('gd?');
  expect(window.location.pathname).toBe('/tasks');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});
