import { useLingui } from '@lingui/react/macro';
import type { Device } from '@/contracts/device';
import { DialogAction } from '@/web/components/dialog-action';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The dialog loads when opened: reading a device never pays for it.
const StatusModificationDialog = lazyWithMessages(() => import('@/web/features/devices/status-modification/status-modification-dialog'));

/** "Change status…" for the device page's action bar (000). */
export function StatusAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const { t } = useLingui();
  const blocked = useChangeBlocker(device, t`correct device statuses`);
  return (
    <DialogAction
      label={t`Change status…`}
      unavailable={blocked}
      onDone={onDone}
      dialog={(close, done) => <StatusModificationDialog device={device} onClose={close} onDone={done} />}
    />
  );
}
