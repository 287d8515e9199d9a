import { lazy, Suspense, useState } from 'react';
import type { Device } from '@/contracts/device';
import { ActionButton } from '@/web/components/action-button';
import { canModify, NO_MODIFY_REASON } from '@/web/lib/device-rules';

// The dialog loads when opened: reading a device never pays for it.
const StatusModificationDialog = lazy(() => import('@/web/features/devices/status-modification/status-modification-dialog'));

/** "Change status…" for the device page's action bar (000). */
export function StatusAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton label="Change status…" onClick={() => setOpen(true)} unavailable={canModify(device) ? undefined : NO_MODIFY_REASON} />
      {open && (
        <Suspense fallback={null}>
          <StatusModificationDialog
            device={device}
            onClose={() => setOpen(false)}
            onDone={(message) => {
              setOpen(false);
              onDone(message);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
