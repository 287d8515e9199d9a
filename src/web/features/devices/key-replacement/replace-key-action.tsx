import { lazy, Suspense, useId, useState } from 'react';
import type { Device } from '@/contracts/device';
import '@/web/features/devices/key-replacement/key-replacement.css';

// The dialog and its crypto load only when an operator opens it.
const ReplaceKeyDialog = lazy(() => import('@/web/features/devices/key-replacement/replace-key-dialog'));

const NO_MODIFY_REASON = 'Your permissions on this device do not include modify, so you cannot replace its key.';

/**
 * "Replace key…" for the device page's action bar. Without the modify permission it is
 * `aria-disabled` rather than `disabled`, as the page's other actions, so keyboard users can
 * still reach it and hear why.
 */
export function ReplaceKeyAction({ device }: { device: Device }) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const allowed = device.permissions.includes('modify');
  return (
    <span className="kr-action">
      <button
        type="button"
        className="button"
        aria-disabled={allowed ? undefined : true}
        aria-describedby={allowed ? undefined : reasonId}
        onClick={allowed ? () => setOpen(true) : undefined}
      >
        Replace key…
      </button>
      {!allowed && (
        <span role="tooltip" id={reasonId} className="kr-action-reason">
          {NO_MODIFY_REASON}
        </span>
      )}
      {open && (
        <Suspense fallback={null}>
          <ReplaceKeyDialog device={device} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </span>
  );
}
