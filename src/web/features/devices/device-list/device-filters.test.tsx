import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { DeviceFilters } from '@/web/features/devices/device-list/device-filters';

it('takes / to the name search, with the last search selected, and leaves what is typed there as text', async () => {
  render(<DeviceFilters filters={{ device_name: 'pump' }} update={() => {}} clearFilters={() => {}} />);
  const search = screen.getByRole('searchbox', { name: 'Device name' });

  await userEvent.keyboard('/');
  expect(search).toHaveFocus();
  await userEvent.keyboard('fan/x');
  expect(search).toHaveValue('fan/x');
});
