import { useLingui } from '@lingui/react/macro';
import type { Device } from '@/contracts/device';
import { DialogAction } from '@/web/components/dialog-action';
import { canBeFrozen, subDeviceReason } from '@/web/lib/device-rules';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

const FreezeDialog = lazyWithMessages(() => import('@/web/features/devices/freeze/freeze-dialog'));

/** "Freeze…" / "Unfreeze…" for the device page's action bar (003); a sub-device is told why not. */
export function FreezeAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const { t } = useLingui();
  const unavailable = useChangeBlocker(device, t`freeze devices`) ?? (canBeFrozen(device) ? undefined : subDeviceReason());
  return (
    <DialogAction
      label={device.frozen ? t`Unfreeze…` : t`Freeze…`}
      unavailable={unavailable}
      onDone={onDone}
      dialog={(close, done) => <FreezeDialog device={device} onClose={close} onDone={done} />}
    />
  );
}
