import { lazy } from 'react';
import type { Device } from '@/contracts/device';
import { DialogAction } from '@/web/components/dialog-action';
import { canModify, NO_MODIFY_REASON } from '@/web/lib/device-rules';

// The dialog loads when opened: reading a device never pays for it.
const StatusModificationDialog = lazy(() => import('@/web/features/devices/status-modification/status-modification-dialog'));

/** "Change status…" for the device page's action bar (000). */
export function StatusAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  return (
    <DialogAction
      label="Change status…"
      unavailable={canModify(device) ? undefined : NO_MODIFY_REASON}
      onDone={onDone}
      dialog={(close, done) => <StatusModificationDialog device={device} onClose={close} onDone={done} />}
    />
  );
}
