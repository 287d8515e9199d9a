import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '@/web/components/modal-dialog';
import { downloadCredentials, type DeviceCredentials } from '@/web/features/devices/key-replacement/credentials';
import { DownloadIcon, ShieldIcon } from '@/web/features/devices/key-replacement/icons';
import { MaskedSecretField } from '@/web/features/devices/key-replacement/masked-secret-field';

/** Moves focus to a control when it appears, since the one that had focus just left the dialog. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ConfirmClose({ onBack, onClose }: { onBack: () => void; onClose: () => void }) {
  const { t } = useLingui();
  const backRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <ModalDialog
      title={t`Did you save the secret?`}
      onClose={onBack}
      footer={
        <>
          <button ref={backRef} type="button" className="button" onClick={onBack}>
            <Trans>Back to the secret</Trans>
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            <Trans>I saved it, close</Trans>
          </button>
        </>
      }
    >
      <p>
        <Trans>Once this dialog closes the secret is gone: the console keeps no copy, and the service stores only a hash of it.</Trans>
      </p>
      <p>
        <Trans>If it was not saved, the device cannot connect; you would have to replace its key again to issue a new secret.</Trans>
      </p>
    </ModalDialog>
  );
}

/** The opened secret, shown once: masked, revealable, copyable and downloadable, and confirmed before it is dropped. */
export function SecretReveal({ credentials, onClose }: { credentials: DeviceCredentials; onClose: () => void }) {
  const { t } = useLingui();
  const [confirming, setConfirming] = useState(false);
  const doneRef = useRef<HTMLButtonElement>(null);
  const back = () => {
    setConfirming(false);
    // The confirmation's buttons are gone; give focus back to where closing started.
    requestAnimationFrame(() => doneRef.current?.focus());
  };
  if (confirming) return <ConfirmClose onBack={back} onClose={onClose} />;

  return (
    <ModalDialog
      title={t`Save the new device secret`}
      onClose={() => setConfirming(true)}
      footer={
        <button ref={doneRef} type="button" className="button button-primary" onClick={() => setConfirming(true)}>
          <Trans>Done</Trans>
        </button>
      }
    >
      <div className="kr-warning">
        <ShieldIcon />
        <p>
          <Trans>
            <strong>Shown only this once.</strong> Save the secret now, where the device’s provisioning will find it. The console keeps no copy, and
            closing this dialog discards it.
          </Trans>
        </p>
      </div>
      <dl className="kr-facts">
        <dt>
          <Trans>Product key</Trans>
        </dt>
        <dd translate="no">{credentials.productKey}</dd>
        <dt>
          <Trans>Device key</Trans>
        </dt>
        <dd translate="no">{credentials.deviceKey}</dd>
      </dl>
      <MaskedSecretField label={t`Device secret`} secret={credentials.deviceSecret}>
        <button type="button" className="button" onClick={() => downloadCredentials(credentials)}>
          <DownloadIcon />
          <Trans>Download credentials</Trans>
        </button>
      </MaskedSecretField>
    </ModalDialog>
  );
}
