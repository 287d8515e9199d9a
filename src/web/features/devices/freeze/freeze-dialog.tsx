import { Trans, useLingui } from '@lingui/react/macro';
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
  const { t } = useLingui();
  const mutation = useFreezeDevice();
  // While the answer is awaited the page already shows the device frozen: the dialog keeps what was confirmed.
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const name = device.device_name;
  const freezing = !device.frozen;
  const confirm = () => {
    setSent(device);
    mutation.mutate(
      { device, frozen: freezing },
      { onSuccess: () => onDone(freezing ? t`${name} is frozen.` : t`${name} is unfrozen.`), onError: () => setSent(null) },
    );
  };
  const reason = mutation.error ? describeError(mutation.error) : '';
  const code = mutation.error?.code;

  return (
    <ModalDialog
      title={freezing ? t`Freeze ${name}?` : t`Unfreeze ${name}?`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            <Trans>Cancel</Trans>
          </button>
          <button type="button" className={freezing ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={mutation.isPending}>
            {mutation.isPending ? (freezing ? t`Freezing…` : t`Unfreezing…`) : freezing ? t`Freeze device` : t`Unfreeze device`}
          </button>
        </>
      }
    >
      {freezing ? (
        <p>
          <Trans>
            The device is <strong>disconnected now</strong> and <strong>cannot connect again until it is unfrozen</strong>.
          </Trans>
        </p>
      ) : (
        <p>
          <Trans>The device may connect again. It shows offline until it does.</Trans>
        </p>
      )}
      {mutation.error && (
        <p role="alert" className="form-alert">
          {freezing ? (
            <Trans>
              Not frozen: {reason} ({code}). The device is shown as it was.
            </Trans>
          ) : (
            <Trans>
              Not unfrozen: {reason} ({code}). The device is shown as it was.
            </Trans>
          )}
        </p>
      )}
    </ModalDialog>
  );
}
