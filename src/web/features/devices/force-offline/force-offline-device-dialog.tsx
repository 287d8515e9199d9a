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
  const mutation = useForceOfflineDevice();
  // While the answer is awaited the page already shows the device offline: the dialog keeps what was confirmed.
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const confirm = () => {
    setSent(device);
    mutation.mutate(device, { onSuccess: () => onDone(`${device.device_name} is offline.`), onError: () => setSent(null) });
  };
  return (
    <ModalDialog
      title={`Force ${device.device_name} offline?`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={confirm} disabled={mutation.isPending}>
            {mutation.isPending ? 'Forcing offline…' : 'Force offline'}
          </button>
        </>
      }
    >
      <p>
        Its live connection <strong>ends now</strong> and it is shown offline. It may connect again later; freeze it to keep it out.
      </p>
      {mutation.error && (
        <p role="alert" className="form-alert">
          Not forced offline: {describeError(mutation.error)} ({mutation.error.code}). The device is shown as it was.
        </p>
      )}
    </ModalDialog>
  );
}
