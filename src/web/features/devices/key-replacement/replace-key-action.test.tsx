import { screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { ReplaceKeyAction } from '@/web/features/devices/key-replacement/replace-key-action';
import { noModifyReason } from '@/web/lib/device-rules';
import { fakeService, renderWithClient, signIn, testDevice } from '@/web/features/devices/key-replacement/test-kit';
import { startTestSession } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

vi.mock('@/web/features/devices/key-replacement/org-key-store', () => ({ loadOrgKey: async () => undefined, saveOrgKey: async () => {} }));

beforeAll(polyfillDialog);
beforeEach(signIn);
afterEach(() => vi.unstubAllGlobals());

describe('ReplaceKeyAction', () => {
  it('is disabled, and says why, without the modify permission', async () => {
    const user = userEvent.setup();
    renderWithClient(<ReplaceKeyAction device={testDevice({ permissions: ['read', 'access'] })} />);
    const button = screen.getByRole('button', { name: 'Replace key…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(noModifyReason());
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is disabled for an operator, saying keys are the admins\'', () => {
    startTestSession('operator');
    renderWithClient(<ReplaceKeyAction device={testDevice()} />);
    const button = screen.getByRole('button', { name: 'Replace key…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Your role (operator) cannot replace device keys. Ask an admin.');
  });

  it('opens the dialog on demand and closes it', async () => {
    fakeService();
    const user = userEvent.setup();
    renderWithClient(<ReplaceKeyAction device={testDevice()} />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace key…' }));
    expect(await screen.findByRole('dialog', { name: 'Replace device key' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
