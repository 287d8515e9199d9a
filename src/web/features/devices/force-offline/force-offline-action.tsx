import { useLingui } from '@lingui/react/macro';
import type { Device } from '@/contracts/device';
import { DialogAction } from '@/web/components/dialog-action';
import { alreadyOfflineReason, isAlreadyOffline } from '@/web/lib/device-rules';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

const ForceOfflineDeviceDialog = lazyWithMessages(() => import('@/web/features/devices/force-offline/force-offline-device-dialog'));

/** "Force offline…" for the device page's action bar (004 with this one device). */
export function ForceOfflineAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const { t } = useLingui();
  const unavailable = useChangeBlocker(device, t`force devices offline`) ?? (isAlreadyOffline(device) ? alreadyOfflineReason() : undefined);
  return (
    <DialogAction
      label={t`Force offline…`}
      unavailable={unavailable}
      onDone={onDone}
      dialog={(close, done) => <ForceOfflineDeviceDialog device={device} onClose={close} onDone={done} />}
    />
  );
}
