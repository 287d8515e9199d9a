import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { ActionButton } from '@/web/components/action-button';

it('is simply disabled when there is nothing to act on', () => {
  render(<ActionButton label="Freeze…" onClick={() => {}} disabled />);
  const button = screen.getByRole('button', { name: 'Freeze…' });
  expect(button).toBeDisabled();
  expect(button).not.toHaveAttribute('aria-disabled');
});

it('stays focusable when unavailable, even with nothing to act on, and says why instead of acting', async () => {
  const onClick = vi.fn();
  render(<ActionButton label="Force offline…" className="button button-danger" onClick={onClick} disabled unavailable="Your role (viewer) cannot force devices offline." />);
  const button = screen.getByRole('button', { name: 'Force offline…' });
  expect(button).toBeEnabled();
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(button).toHaveClass('button-danger');
  expect(button).toHaveAccessibleDescription('Your role (viewer) cannot force devices offline.');
  await userEvent.tab();
  expect(button).toHaveFocus();
  await userEvent.click(button);
  expect(onClick).not.toHaveBeenCalled();
});
