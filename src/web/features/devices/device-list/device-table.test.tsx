import { act, fireEvent, render, screen } from '@/web/test-support/render';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import type { Device } from '@/contracts/device';
import type { DeviceFilterQuery } from '@/contracts/roma';
import type { DeviceRef } from '@/web/api/device-selection';
import { useSelection } from '@/web/lib/use-selection';
import { DeviceTable } from '@/web/features/devices/device-list/device-table';
import { testDevice } from '@/web/test-support/device-fixture';

function Table({ devices, view = 'limit=999', busy = false }: { devices: Device[]; view?: string; busy?: boolean }) {
  const selection = useSelection<DeviceRef, DeviceFilterQuery>();
  return <DeviceTable devices={devices} view={view} offset={0} total={devices.length} sort={undefined} onSort={() => {}} selection={selection} busy={busy} />;
}

const page = Array.from({ length: 5 }, (_, i) => testDevice({ id: i + 1, device_name: `pump-${i + 1}`, online_status: 1 }));
// What an optimistic patch makes: a new page array in which one device is a new object.
const patched = page.map((d) => (d.id === 3 ? { ...d, online_status: 2 as const } : d));

/** Renders the table, then the patched page; answers the commits and the DOM changes that the patch caused. */
async function patchPage() {
  let commits = 0;
  const view = (devices: Device[]) => (
    <Profiler id="table" onRender={() => commits++}>
      <Table devices={devices} />
    </Profiler>
  );
  const { rerender, container } = render(view(page));
  const changed: Element[] = [];
  const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.target as Element)));
  observer.observe(container, { subtree: true, attributes: true });
  commits = 0;
  // Flush the microtasks the render may queue, such as a state reset inside the table.
  await act(async () => rerender(view(patched)));
  observer.disconnect();
  return { commits, changed };
}

/** A page of 300 devices named `prefix-1`, `prefix-2`, ... */
const devicesNamed = (prefix: string) => Array.from({ length: 300 }, (_, i) => testDevice({ id: i + 1, device_name: `${prefix}-${i + 1}` }));

/** The table's scroller, whose position jsdom cannot give: `scrollTo` sets it and sends the scroll event; `top` reads it. */
function scrollerOf(container: HTMLElement) {
  const scroller = container.querySelector<HTMLElement>('.table-scroll')!;
  let position = 0;
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => position, set: (value: number) => (position = value) });
  // What the virtualizer calls to bring a row into view.
  scroller.scrollTo = ((options: ScrollToOptions) => {
    position = options.top ?? position;
    fireEvent.scroll(scroller);
  }) as typeof scroller.scrollTo;
  return {
    top: () => position,
    scrollTo: (top: number) => {
      position = top;
      return act(async () => fireEvent.scroll(scroller));
    },
  };
}

// jsdom lays nothing out: give the scroller a height, so the virtualizer puts the rows in the DOM.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

describe('device table', () => {
  it('renders a patched page in one commit', async () => {
    const { commits } = await patchPage();
    expect(screen.getAllByText('Offline')).toHaveLength(1);
    // A second commit would come before the browser could paint the first, delaying the change on screen.
    expect(commits).toBe(1);
  });

  it('leaves the checkboxes of unchanged rows untouched when one device changes', async () => {
    const { changed } = await patchPage();
    const rowInputs = changed.filter((el) => el instanceof HTMLInputElement && el.closest('tbody'));
    // React rewrites the name and type of every input it renders again; only the patched row's may change.
    expect(new Set(rowInputs.map((el) => el.getAttribute('aria-label')))).toEqual(new Set(['Select pump-3']));
  });

  it('keeps the focused row in the table while the table scrolls far from it', async () => {
    const { container } = render(<Table devices={devicesNamed('pump')} />);
    const first = screen.getByRole('checkbox', { name: 'Select pump-1' });
    act(() => first.focus());

    await scrollerOf(container).scrollTo(6_000);

    // The rows around 6,000 px are shown (row 147 starts there)...
    expect(screen.getByRole('checkbox', { name: 'Select pump-150' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select pump-20' })).not.toBeInTheDocument();
    // ...and the focused row stayed, still focused, so PageDown goes on scrolling the table.
    expect(first).toBeInTheDocument();
    expect(first).toHaveFocus();
    // The spacers keep every row at its place: the gap after row 1 spans rows 2 to the first one shown.
    const rowsShown = [...container.querySelectorAll('tbody tr[data-index]')].map((tr) => Number((tr as HTMLElement).dataset.index));
    const gap = container.querySelectorAll<HTMLElement>('tbody tr.spacer td')[0]!;
    expect(parseFloat(gap.style.height)).toBe((rowsShown[1]! - 1) * 41);
  });

  it('renders nothing while a scroll stays within the rows already in the DOM', async () => {
    let commits = 0;
    const { container } = render(
      <Profiler id="table" onRender={() => commits++}>
        <Table devices={devicesNamed('pump')} />
      </Profiler>,
    );
    const { scrollTo } = scrollerOf(container);
    await scrollTo(2_000);
    commits = 0;
    // Rows come and go a block at a time, and the table renders only for other rows: two rows
    // further and one back render nothing (every row crossed rendered the table before).
    await scrollTo(2_041);
    await scrollTo(2_082);
    await scrollTo(2_041);
    expect(commits).toBe(0);
    // A scroll that needs other rows still renders them.
    await scrollTo(8_000);
    expect(commits).toBeGreaterThan(0);
    expect(screen.getByRole('checkbox', { name: 'Select pump-200' })).toBeInTheDocument();
  });

  it('opens a device from its link in the console, and leaves a click with a modifier to the browser', () => {
    window.history.replaceState(null, '', '/?limit=20');
    render(<Table devices={page} />);
    const link = screen.getByRole('link', { name: 'pump-3' });

    // fireEvent answers false when the click's default action was prevented.
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(window.location.pathname).toBe('/');
    expect(fireEvent.click(link, { button: 1 })).toBe(true);
    expect(window.location.pathname).toBe('/');

    expect(fireEvent.click(link)).toBe(false);
    expect(window.location.pathname).toBe('/devices/3');
  });

  it('shows a new list from its first row, once its rows have come', async () => {
    const { container, rerender } = render(<Table devices={devicesNamed('pump')} view="limit=999" />);
    const scroller = scrollerOf(container);
    await scroller.scrollTo(8_000);

    // A refetch of the same list, and the next list loading under the previous rows: no jump.
    await act(async () => rerender(<Table devices={devicesNamed('pump')} view="limit=999" />));
    await act(async () => rerender(<Table devices={devicesNamed('pump')} view="sort=device_name&limit=999" busy />));
    expect(scroller.top()).toBe(8_000);

    // Its rows come: the table is at the top, showing its first rows.
    await act(async () => rerender(<Table devices={devicesNamed('fan')} view="sort=device_name&limit=999" />));
    expect(scroller.top()).toBe(0);
    expect(screen.getByRole('checkbox', { name: 'Select fan-1' })).toBeInTheDocument();
  });

  describe('keys', () => {
    const link = (name: string) => screen.getByRole('link', { name });
    // jsdom scrolls nothing: the browser's own scrolling of a focused row is not what these test.
    beforeEach(() => {
      Element.prototype.scrollIntoView = vi.fn();
    });

    it('moves the focus down and up the rows on j and k, and selects the focused row on x', async () => {
      render(<Table devices={page} />);
      await userEvent.keyboard('j');
      expect(link('pump-1')).toHaveFocus();
      await userEvent.keyboard('jjk');
      expect(link('pump-2')).toHaveFocus();

      await userEvent.keyboard('x');
      expect(screen.getByRole('checkbox', { name: 'Select pump-2' })).toBeChecked();
      expect(screen.getByRole('checkbox', { name: 'Select pump-1' })).not.toBeChecked();
      await userEvent.keyboard('x');
      expect(screen.getByRole('checkbox', { name: 'Select pump-2' })).not.toBeChecked();
    });

    it('stays on the first and the last row', async () => {
      render(<Table devices={page} />);
      await userEvent.keyboard('jk');
      expect(link('pump-1')).toHaveFocus();
      await userEvent.keyboard('jjjjjjj');
      expect(link('pump-5')).toHaveFocus();
    });

    it('scrolls a row the table has not rendered into view, and focuses it', async () => {
      const { container } = render(<Table devices={devicesNamed('pump')} />);
      const scroller = scrollerOf(container);
      // The virtualizer scrolls no further than the content's height, which jsdom does not lay out.
      Object.defineProperty(container.querySelector('.table-scroll'), 'scrollHeight', { configurable: true, value: 300 * 41 });
      const rendered = [...container.querySelectorAll<HTMLElement>('tbody tr[data-index]')].map((tr) => Number(tr.dataset.index));
      const last = Math.max(...rendered);
      act(() => link(`pump-${last + 1}`).focus());

      await userEvent.keyboard('j');

      expect(link(`pump-${last + 2}`)).toHaveFocus();
      expect(scroller.top()).toBeGreaterThan(0);
    });
  });
});
