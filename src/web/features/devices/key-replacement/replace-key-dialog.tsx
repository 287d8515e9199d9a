import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { Device } from '@/contracts/device';
import { ModalDialog } from '@/web/components/modal-dialog';
import type { DeviceCredentials } from '@/web/features/devices/key-replacement/credentials';
import { ReplaceKeyForm } from '@/web/features/devices/key-replacement/replace-key-form';
import { SecretReveal } from '@/web/features/devices/key-replacement/secret-reveal';
import type { Replaced } from '@/web/features/devices/key-replacement/use-replace-key';
import '@/web/features/devices/key-replacement/key-replacement.css';

type Phase =
  | { step: 'form' }
  | { step: 'reveal'; credentials: DeviceCredentials }
  | { step: 'replaced'; deviceKey: string; unopened?: string | undefined }
  | { step: 'closed' };

/**
 * 002 from the device page: the form (with the org key setup when needed), then the secret.
 * The plaintext secret lives in this component's state only, and is dropped on close.
 */
export default function ReplaceKeyDialog({ device, onClose }: { device: Device; onClose: () => void }) {
  const { t } = useLingui();
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  const close = () => {
    // Drop the secret here rather than rely on the parent unmounting us.
    setPhase({ step: 'closed' });
    onClose();
  };
  const onReplaced = (replaced: Replaced) =>
    setPhase(replaced.credentials ? { step: 'reveal', credentials: replaced.credentials } : { step: 'replaced', deviceKey: replaced.deviceKey, unopened: replaced.unopened });

  switch (phase.step) {
    case 'form':
      return <ReplaceKeyForm device={device} onCancel={close} onReplaced={onReplaced} />;
    case 'reveal':
      return <SecretReveal credentials={phase.credentials} onClose={close} />;
    case 'replaced': {
      const name = device.device_name;
      const deviceKey = phase.deviceKey;
      const unopened = phase.unopened;
      return (
        <ModalDialog
          title={t`Device key replaced`}
          onClose={close}
          footer={
            <button type="button" className="button button-primary" onClick={close}>
              <Trans>Done</Trans>
            </button>
          }
        >
          <p>
            <Trans>
              <strong>{name}</strong> now uses the device key <code translate="no">{deviceKey}</code>. It is disconnected and inactive until it connects
              with its new credentials.
            </Trans>
          </p>
          {unopened && (
            <p role="alert" className="form-alert">
              <Trans>
                The new secret cannot be shown: {unopened} The old secret no longer works; replace the key again to issue a secret you can save.
              </Trans>
            </p>
          )}
        </ModalDialog>
      );
    }
    case 'closed':
      return null;
  }
}
