import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ListedDevice } from '@/contracts/roma';
import { toDeviceRef, type DeviceSelection } from '@/web/api/device-selection';
import { useShortcutKeys } from '@/web/lib/use-shortcut-keys';
import '@/web/features/devices/device-list/row-keys.css';

interface RowKeysOptions {
  /** The table's scroller, holding the rows in the DOM, numbered by `data-index`. */
  scrollRef: RefObject<HTMLElement | null>;
  devices: readonly ListedDevice[];
  selection: DeviceSelection;
  /** Brings a row the virtualizer has not rendered into the DOM. */
  scrollToIndex: (index: number) => void;
}

const rowAt = (scroller: HTMLElement, index: number) => scroller.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`);

function focusRow(row: HTMLElement) {
  // Nearest: a row in view stays put; the scroller's scroll-padding keeps it clear of the sticky header.
  row.scrollIntoView({ block: 'nearest' });
  row.querySelector<HTMLElement>('a.device-link')?.focus({ preventScroll: true });
}

/**
 * j and k move the focus to the device link of the next and the previous row (Enter then opens
 * the device, as on any link); x selects or deselects the row holding the focus. The current row
 * is the focused one, so a click, Tab and these keys agree on it, and useRowRange keeps it in the
 * DOM while it is scrolled out of view.
 */
export function useRowKeys({ scrollRef, devices, selection, scrollToIndex }: RowKeysOptions) {
  // A row asked for before the virtualizer rendered it: focused once it is in the DOM.
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const row = pending.current === null || !scroller ? null : rowAt(scroller, pending.current);
    if (!row) return;
    pending.current = null;
    focusRow(row);
  });

  const current = (): number | null => {
    const row = document.activeElement?.closest<HTMLElement>('tr[data-index]');
    return row && scrollRef.current?.contains(row) ? Number(row.dataset.index) : null;
  };
  const move = (step: number) => {
    const scroller = scrollRef.current;
    if (!scroller || devices.length === 0) return;
    // Keys pressed while a row is still being scrolled in go on from that row, not from the one still focused.
    const from = pending.current ?? current();
    const to = from === null ? 0 : Math.min(Math.max(from + step, 0), devices.length - 1);
    const row = rowAt(scroller, to);
    if (row) {
      pending.current = null;
      focusRow(row);
    } else {
      pending.current = to;
      scrollToIndex(to);
    }
  };
  const toggle = () => {
    const index = current();
    const device = index === null ? undefined : devices[index];
    if (device) selection.toggle(toDeviceRef(device));
  };
  useShortcutKeys({ j: () => move(1), k: () => move(-1), x: toggle });
}
