import { useLingui } from '@lingui/react/macro';
import { lazy } from 'react';
import type { Device } from '@/contracts/device';
import { DialogAction } from '@/web/components/dialog-action';
import { ALREADY_OFFLINE_REASON, isAlreadyOffline } from '@/web/lib/device-rules';
import { useChangeBlocker } from '@/web/lib/use-change-blocker';

const ForceOfflineDeviceDialog = lazy(() => import('@/web/features/devices/force-offline/force-offline-device-dialog'));

/** "Force offline…" for the device page's action bar (004 with this one device). */
export function ForceOfflineAction({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const { t } = useLingui();
  const unavailable = useChangeBlocker(device, t`force devices offline`) ?? (isAlreadyOffline(device) ? ALREADY_OFFLINE_REASON : undefined);
  return (
    <DialogAction
      label={t`Force offline…`}
      unavailable={unavailable}
      onDone={onDone}
      dialog={(close, done) => <ForceOfflineDeviceDialog device={device} onClose={close} onDone={done} />}
    />
  );
}
