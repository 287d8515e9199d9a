import { lazy, Suspense, useState } from 'react';
import type { Device } from '@/contracts/device';
import { ActionButton } from '@/web/components/action-button';
import { canBeFrozen, canModify, NO_MODIFY_REASON, SUB_DEVICE_REASON } from '@/web/lib/device-rules';

const FreezeDialog = lazy(() => import('@/web/features/devices/freeze/freeze-dialog'));

/** "Freeze…" / "Unfreeze…" for the device page's action bar (003); a sub-device is told why not. */
export function FreezeAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const unavailable = !canModify(device) ? NO_MODIFY_REASON : canBeFrozen(device) ? undefined : SUB_DEVICE_REASON;
  return (
    <>
      <ActionButton label={device.frozen ? 'Unfreeze…' : 'Freeze…'} onClick={() => setOpen(true)} unavailable={unavailable} />
      {open && (
        <Suspense fallback={null}>
          <FreezeDialog
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
