import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import ForceOfflineDialog from '@/web/features/devices/bulk-force-offline/force-offline-dialog';
import { startTestSession, testDeviceRefs } from '@/web/test-support/device-fixture';
import { polyfillDialog } from '@/web/test-support/dialog-polyfill';

beforeAll(polyfillDialog);
beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('force-offline dialog', () => {
  it('keeps the pressed confirm button in place, disabled, while the run goes on', async () => {
    // The service never answers: the dialog stays in its running state.
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <ForceOfflineDialog devices={testDeviceRefs(3)} onClose={vi.fn()} onFinished={vi.fn()} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    const confirm = screen.getByRole('button', { name: 'Force 3 devices offline' });
    await user.click(confirm);

    expect(await screen.findByRole('heading', { name: 'Forcing devices offline' })).toBeInTheDocument();
    // The same element: removing the focused button would make the browser move focus and lay out the page inside the click.
    expect(screen.getByRole('button', { name: 'Forcing offline…' })).toBe(confirm);
    expect(confirm).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });
});
