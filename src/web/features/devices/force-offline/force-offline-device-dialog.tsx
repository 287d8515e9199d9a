import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { Device } from '@/contracts/device';
import { describeError } from '@/web/api/api-error';
import { ModalDialog } from '@/web/components/modal-dialog';
import { useForceOfflineDevice } from '@/web/features/devices/force-offline/use-force-offline-device';

interface ForceOfflineDeviceDialogProps {
  device: Device;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms 004 for one device: its live connection ends now, and it may connect again. */
export default function ForceOfflineDeviceDialog({ device: live, onClose, onDone }: ForceOfflineDeviceDialogProps) {
  const { t } = useLingui();
  const mutation = useForceOfflineDevice();
  // While the answer is awaited the page already shows the device offline: the dialog keeps what was confirmed.
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const name = device.device_name;
  const confirm = () => {
    setSent(device);
    mutation.mutate(device, { onSuccess: () => onDone(t`${name} is offline.`), onError: () => setSent(null) });
  };
  const reason = mutation.error ? describeError(mutation.error) : '';
  const code = mutation.error?.code;
  return (
    <ModalDialog
      title={t`Force ${name} offline?`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            <Trans>Cancel</Trans>
          </button>
          <button type="button" className="button button-danger" onClick={confirm} disabled={mutation.isPending}>
            {mutation.isPending ? t`Forcing offline…` : t`Force offline`}
          </button>
        </>
      }
    >
      <p>
        <Trans>
          Its live connection <strong>ends now</strong> and it is shown offline. It may connect again later; freeze it to keep it out.
        </Trans>
      </p>
      {mutation.error && (
        <p role="alert" className="form-alert">
          <Trans>
            Not forced offline: {reason} ({code}). The device is shown as it was.
          </Trans>
        </p>
      )}
    </ModalDialog>
  );
}
