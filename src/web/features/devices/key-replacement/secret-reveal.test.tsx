import { act, fireEvent, render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { credentialsFileText } from '@/web/features/devices/key-replacement/credentials';
import { SecretReveal } from '@/web/features/devices/key-replacement/secret-reveal';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';
import { AUTO_HIDE_MS } from '@/web/features/devices/key-replacement/use-auto-hide';

const credentials = { productKey: 'pk-meter', deviceKey: 'meter-7-b', deviceSecret: 'Zq8Xw2Lp0Vn4Rt6Ys1Ku3Hm5Jb7Gd9Fc' };

beforeAll(polyfillDialog);
// shouldAdvanceTime: Testing Library waits on a setTimeout(0) after each user event.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderReveal(onClose = vi.fn()) {
  render(<SecretReveal credentials={credentials} onClose={onClose} />);
  return { onClose, user: userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }) };
}

const toggle = () => screen.getByRole('button', { name: 'Show device secret' });
const shown = () => screen.queryByText(credentials.deviceSecret) !== null;

describe('SecretReveal', () => {
  it('is masked by default, with nothing of the secret in the page, and warns it is shown once', () => {
    renderReveal();
    expect(document.body.innerHTML).not.toContain(credentials.deviceSecret);
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Shown only this once.')).toBeInTheDocument();
  });

  it('reveals and masks with an accessible toggle', async () => {
    const { user } = renderReveal();
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(shown()).toBe(true);
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(shown()).toBe(false);
  });

  it('masks again after 60 s without interaction, and each interaction restarts the minute', async () => {
    const { user } = renderReveal();
    await user.click(toggle());
    act(() => vi.advanceTimersByTime(AUTO_HIDE_MS - 10_000));
    expect(shown()).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Shift' });
    act(() => vi.advanceTimersByTime(AUTO_HIDE_MS - 1_000));
    expect(shown()).toBe(true);
    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe(false);
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Hidden again after 60 seconds without activity.')).toBeInTheDocument();
  });

  it('masks at once when the tab is hidden', async () => {
    const { user } = renderReveal();
    await user.click(toggle());
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(shown()).toBe(false);
  });

  it('copies the secret without revealing it, and says so', async () => {
    const { user } = renderReveal();
    // After setup: user-event installs its own clipboard on navigator.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await user.click(screen.getByRole('button', { name: 'Copy device secret' }));
    expect(writeText).toHaveBeenCalledWith(credentials.deviceSecret);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(shown()).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });

  it('says when the clipboard refuses', async () => {
    const { user } = renderReveal();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy device secret' }));
    expect(await screen.findByText(/Copy failed/)).toBeInTheDocument();
  });

  it('downloads the credentials file and revokes its URL at once', async () => {
    const created: Blob[] = [];
    const revokeObjectURL = vi.fn();
    const createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:creds'));
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('meter-7-b.credentials.txt');
      expect(this.href).toBe('blob:creds');
    });
    const { user } = renderReveal();
    await user.click(screen.getByRole('button', { name: 'Download credentials' }));
    expect(click).toHaveBeenCalledOnce();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:creds');
    const text = await created[0]?.text();
    expect(text).toContain('productKey=pk-meter\ndeviceKey=meter-7-b\ndeviceSecret=Zq8Xw2Lp0Vn4Rt6Ys1Ku3Hm5Jb7Gd9Fc\n');
  });

  it('asks before closing, and closes only once the operator says it was saved', async () => {
    const { user, onClose } = renderReveal();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('heading', { name: 'Did you save the secret?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to the secret' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'I saved it, close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('credentialsFileText', () => {
  it('holds the three values and a reminder, nothing else', () => {
    expect(credentialsFileText(credentials, new Date('2026-01-02T03:04:05Z'))).toBe(
      [
        '# Device credentials issued by Device Console on 2026-01-02T03:04:05.000Z.',
        '# The console keeps no copy of the secret. Keep this file private and delete it once the device is provisioned.',
        'productKey=pk-meter',
        'deviceKey=meter-7-b',
        'deviceSecret=Zq8Xw2Lp0Vn4Rt6Ys1Ku3Hm5Jb7Gd9Fc',
        '',
      ].join('\n'),
    );
  });
});
