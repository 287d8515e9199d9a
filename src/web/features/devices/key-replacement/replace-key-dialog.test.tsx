import { screen, waitFor, within } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { deviceQueries } from '@/web/api/device-queries';
import { createOrgKey } from '@/web/features/devices/key-replacement/create-org-key';
import ReplaceKeyDialog from '@/web/features/devices/key-replacement/replace-key-dialog';
import { fakeService, renderWithClient, signIn, testDevice } from '@/web/features/devices/key-replacement/test-kit';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

// jsdom has no IndexedDB; the store's contract is a per-org get/put.
const keys = vi.hoisted(() => new Map<string, unknown>());
vi.mock('@/web/features/devices/key-replacement/org-key-store', () => ({
  loadOrgKey: async (orgId: string) => keys.get(orgId),
  saveOrgKey: async (key: { orgId: string }) => void keys.set(key.orgId, key),
}));

beforeAll(polyfillDialog);
beforeEach(() => {
  signIn();
  keys.clear();
});
afterEach(() => vi.unstubAllGlobals());

/** A browser that already holds the registered org key. */
async function withReadyKey() {
  const service = fakeService();
  await createOrgKey('default');
  return service;
}

function open(onClose = vi.fn()) {
  const device = testDevice();
  const view = renderWithClient(<ReplaceKeyDialog device={device} onClose={onClose} />);
  view.queryClient.setQueryData(deviceQueries.detail(device.id).queryKey, { device, etag: '"1"' });
  return { ...view, device, onClose, user: userEvent.setup() };
}

const newKeyField = () => screen.getByRole('textbox', { name: 'New device key' });

describe('ReplaceKeyDialog: the form', () => {
  it('shows the current keys and checks the new key with 002’s rules as it is typed', async () => {
    await withReadyKey();
    const { user } = open();
    expect(screen.getByText('pk-meter')).toBeInTheDocument();
    expect(screen.getByText('node-7')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Issue a new secret' })).toBeChecked();

    await user.type(newKeyField(), 'ab');
    expect(newKeyField()).toHaveAccessibleDescription(/at least 4 characters/);
    await user.type(newKeyField(), ' c');
    expect(newKeyField()).toHaveAccessibleDescription(/only letters, digits, hyphens/);
    await user.clear(newKeyField());
    await user.type(newKeyField(), 'meter-7.v2_x');
    expect(newKeyField()).not.toHaveAttribute('aria-invalid');
  });

  it('sends nothing while the new key is invalid', async () => {
    const service = await withReadyKey();
    const { user } = open();
    await screen.findByText(/which this browser holds/);
    await user.type(newKeyField(), 'no!{Enter}');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(newKeyField()).toHaveAttribute('aria-invalid', 'true');
    expect(service.replaced).toEqual([]);
  });

  it.each([
    [11702, 'DeviceKey existed', /Another device of product pk-meter already uses this key/],
    [11704, 'DeviceKey is repetitive', /This is the device’s current key/],
    [99400, 'Invalid arguments: newDeviceKey: Device key must be at most 64 characters.', /Device key must be at most 64 characters\.$/],
  ])('shows refusal %i on the new-key field', async (code, msg, shown) => {
    await withReadyKey().then((s) => (s.refuse = { code, msg }));
    const { user } = open();
    await screen.findByText(/which this browser holds/);
    await user.type(newKeyField(), 'taken-key');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    await waitFor(() => expect(newKeyField()).toHaveAccessibleDescription(shown));
    expect(newKeyField()).toHaveFocus();
    await user.type(newKeyField(), '2');
    expect(newKeyField()).not.toHaveAccessibleDescription(shown);
  });

  it('shows a 99400 about something else as an alert with the request id', async () => {
    await withReadyKey().then((s) => (s.refuse = { code: 99400, msg: 'Invalid arguments: Device information is invalid.' }));
    const { user } = open();
    await screen.findByText(/which this browser holds/);
    await user.type(newKeyField(), 'fresh-key');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid arguments: Device information is invalid. (request id req-1)');
  });

  it('answers 11858 by offering the key setup', async () => {
    const service = await withReadyKey();
    service.refuse = { code: 11858, msg: 'Unable to find public key' };
    const { user } = open();
    await screen.findByText(/which this browser holds/);
    service.publicKey = null; // the key vanished between the check and the replace
    await user.type(newKeyField(), 'fresh-key');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/no public key for your organisation/);
    expect(await screen.findByRole('button', { name: 'Create organisation key' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeDisabled();
  });

  it('replaces without a secret when the box is unticked, and needs no org key for it', async () => {
    const service = fakeService();
    const { user, queryClient } = open();
    await user.type(newKeyField(), 'meter-7-b');
    expect(await screen.findByRole('button', { name: 'Create organisation key' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Issue a new secret' }));
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByRole('heading', { name: 'Device key replaced' })).toBeInTheDocument();
    expect(service.replaced).toEqual([{ newDeviceKey: 'meter-7-b', requireSecret: false }]);
    expect(queryClient.getQueryData(deviceQueries.detail(7).queryKey)?.device).toMatchObject({ device_key: 'meter-7-b', online_status: 0 });
  });
});

describe('ReplaceKeyDialog: the organisation key', () => {
  it('creates the key pair here, registers it and shows its fingerprint', async () => {
    const service = fakeService();
    const { user } = open();
    await user.click(await screen.findByRole('button', { name: 'Create organisation key' }));
    const ready = await screen.findByText(/which this browser holds/, {}, { timeout: 5_000 });
    expect(service.publicKey?.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const grouped = service.publicKey?.fingerprint.match(/.{4}/g)?.join(' ');
    expect(within(ready).getByText(grouped ?? 'missing')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeEnabled();
  });

  it('warns when the service’s key was made in another browser, and replaces it on request', async () => {
    const service = fakeService({ publicKey: { publicKey: 'elsewhere', fingerprint: 'ab'.repeat(32) } });
    const { user } = open();
    expect(await screen.findByRole('heading', { name: /This browser cannot open your organisation’s secrets/ })).toBeInTheDocument();
    expect(screen.getByText(/Secrets issued to the old key cannot be revealed here/)).toBeInTheDocument();
    expect(screen.getByText('abab abab abab abab abab abab abab abab abab abab abab abab abab abab abab abab')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace organisation key' }));
    await screen.findByText(/which this browser holds/, {}, { timeout: 5_000 });
    expect(service.publicKey?.fingerprint).not.toBe('ab'.repeat(32));
  });
});

describe('ReplaceKeyDialog: the secret', () => {
  it('opens the sealed secret here and keeps it out of every query and mutation cache', async () => {
    const service = await withReadyKey();
    const { user, queryClient } = open();
    await screen.findByText(/which this browser holds/);
    await user.type(newKeyField(), 'meter-7-b');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    await screen.findByRole('heading', { name: 'Save the new device secret' });
    expect(document.body.textContent).not.toContain(service.secret);

    await user.click(screen.getByRole('button', { name: 'Show device secret' }));
    expect(screen.getByText(service.secret)).toBeInTheDocument();

    const cached = JSON.stringify([queryClient.getQueryCache().getAll().map((q) => q.state), queryClient.getMutationCache().getAll().map((m) => m.state)]);
    expect(cached).toContain('meter-7-b');
    expect(cached).not.toContain(service.secret);
    expect(cached).not.toMatch(/deviceSecret|sessionKey/);
    expect(queryClient.getQueryData(deviceQueries.detail(7).queryKey)?.device).toMatchObject({ device_key: 'meter-7-b', online_status: 0, connected: false });
  });

  it('drops the secret on close, after the operator confirms it was saved', async () => {
    const service = await withReadyKey();
    // The parent keeps the dialog mounted, to prove the dialog itself lets go of the secret.
    const { user, onClose } = open(vi.fn());
    await screen.findByText(/which this browser holds/);
    await user.type(newKeyField(), 'meter-7-b');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    await user.click(await screen.findByRole('button', { name: 'Show device secret' }));

    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { name: 'Did you save the secret?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the secret' }));
    expect(screen.getByRole('heading', { name: 'Save the new device secret' })).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'I saved it, close' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(service.secret);
  });
});
