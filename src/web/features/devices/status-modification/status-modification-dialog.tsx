import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import type { Device } from '@/contracts/device';
import { ENOS_DEVICE_STATUSES, type EnosDeviceStatus } from '@/contracts/enos';
import { ModalDialog } from '@/web/components/modal-dialog';
import { StatusBadge } from '@/web/components/status-badge';
import { ONLINE_STATUS_LABELS } from '@/web/lib/format';
import { ServiceRefusal } from '@/web/features/devices/status-modification/service-refusal';
import { ENOS_STATUS_OF, ONLINE_STATUS_OF, REFUSAL_EXPLANATIONS, statusRefusal } from '@/web/features/devices/status-modification/status-rules';
import { useModifyStatus } from '@/web/features/devices/status-modification/use-modify-status';
import '@/web/features/devices/status-modification/status-modification.css';

const HINTS: Record<EnosDeviceStatus, MessageDescriptor> = {
  inactive: msg`as if it had never connected`,
  online: msg`shown connected, whether or not it is`,
  offline: msg`shown not connected`,
};

interface StatusModificationDialogProps {
  /** The device as the page shows it now: the rules are checked against it before trying. */
  device: Device;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 000: corrects the displayed status; says why before trying where 000 would refuse. */
export default function StatusModificationDialog({ device: live, onClose, onDone }: StatusModificationDialogProps) {
  // While the answer is awaited the page already shows the new status: the dialog keeps what was confirmed.
  const { t, i18n } = useLingui();
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const current = ENOS_STATUS_OF[device.online_status];
  const [status, setStatus] = useState<EnosDeviceStatus>(current === 'online' ? 'offline' : current);
  const mutation = useModifyStatus();
  const refusal = statusRefusal(device);
  const blocked = refusal === 'mirrored' || refusal === 'disabled';
  const forceOfflineFirst = refusal === 'connected';
  const id = useId();
  const name = device.device_name;
  const shownStatus = device.online_status;

  const apply = () => {
    setSent(device);
    mutation.mutate(
      { device, status, forceOfflineFirst },
      {
        onSuccess: () => {
          const name = device.device_name;
          const label = i18n._(ONLINE_STATUS_LABELS[ONLINE_STATUS_OF[status]]);
          onDone(t`Status of ${name} set to ${label}.`);
        },
        onError: () => setSent(null),
      },
    );
  };

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
        {blocked ? t`OK` : t`Cancel`}
      </button>
      {!blocked && (
        <button type="button" className="button button-primary" onClick={apply} disabled={mutation.isPending || (status === current && !forceOfflineFirst)}>
          {mutation.isPending ? t`Applying…` : forceOfflineFirst ? t`Force offline first, then set status` : t`Set status`}
        </button>
      )}
    </>
  );

  return (
    <ModalDialog title={t`Change displayed status`} onClose={onClose} dismissible={!mutation.isPending} footer={footer}>
      <p>
        {device.connected ? (
          <Trans>
            <strong>{name}</strong> is shown <StatusBadge kind="online" value={shownStatus} /> and is connected.
          </Trans>
        ) : (
          <Trans>
            <strong>{name}</strong> is shown <StatusBadge kind="online" value={shownStatus} /> and is not connected.
          </Trans>
        )}
      </p>
      <p className="status-note">
        <Trans>
          This corrects the status the console shows. It does not connect or disconnect the device: a device set to Online is not connected by it,
          and a connected device is not cut off by setting it Offline.
        </Trans>
      </p>
      {refusal && (
        <p className={blocked ? 'status-refusal is-blocked' : 'status-refusal'} id={`${id}-refusal`}>
          {i18n._(REFUSAL_EXPLANATIONS[refusal])}
        </p>
      )}
      {!blocked && (
        <fieldset className="status-choices" aria-describedby={refusal ? `${id}-refusal` : undefined}>
          <legend className="field-label">
            <Trans>Show the device as</Trans>
          </legend>
          {ENOS_DEVICE_STATUSES.map((value) => (
            <label key={value} className="status-choice">
              <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
              <span>
                <strong>{i18n._(ONLINE_STATUS_LABELS[ONLINE_STATUS_OF[value]])}</strong>
                <span className="cell-muted"> — {i18n._(HINTS[value])}</span>
                {value === current && <span className="cell-muted"> {t`(current)`}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {mutation.error && <ServiceRefusal error={mutation.error} forcedOffline={mutation.forcedOffline} />}
    </ModalDialog>
  );
}
