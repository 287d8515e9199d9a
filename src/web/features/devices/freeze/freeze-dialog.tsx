import { useState } from 'react';
import type { Device } from '@/contracts/device';
import { describeError } from '@/web/api/api-error';
import { ModalDialog } from '@/web/components/modal-dialog';
import { useFreezeDevice } from '@/web/features/devices/freeze/use-freeze-device';

interface FreezeDialogProps {
  device: Device;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms 003 for one device: what freezing does, or what unfreezing lifts. */
export default function FreezeDialog({ device: live, onClose, onDone }: FreezeDialogProps) {
  const mutation = useFreezeDevice();
  // While the answer is awaited the page already shows the device frozen: the dialog keeps what was confirmed.
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const freezing = !device.frozen;
  const verb = freezing ? 'Freeze' : 'Unfreeze';
  const confirm = () => {
    setSent(device);
    mutation.mutate(
      { device, frozen: freezing },
      { onSuccess: () => onDone(`${device.device_name} is ${freezing ? 'frozen' : 'unfrozen'}.`), onError: () => setSent(null) },
    );
  };

  return (
    <ModalDialog
      title={`${verb} ${device.device_name}?`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </button>
          <button type="button" className={freezing ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={mutation.isPending}>
            {mutation.isPending ? `${freezing ? 'Freezing' : 'Unfreezing'}…` : `${verb} device`}
          </button>
        </>
      }
    >
      {freezing ? (
        <p>
          The device is <strong>disconnected now</strong> and <strong>cannot connect again until it is unfrozen</strong>.
        </p>
      ) : (
        <p>The device may connect again. It shows offline until it does.</p>
      )}
      {mutation.error && (
        <p role="alert" className="form-alert">
          Not {freezing ? 'frozen' : 'unfrozen'}: {describeError(mutation.error)} ({mutation.error.code}). The device is shown as it was.
        </p>
      )}
    </ModalDialog>
  );
}
