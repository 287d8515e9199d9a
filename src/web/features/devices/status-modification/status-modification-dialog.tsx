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

const HINTS: Record<EnosDeviceStatus, string> = {
  inactive: 'as if it had never connected',
  online: 'shown connected, whether or not it is',
  offline: 'shown not connected',
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
  const [sent, setSent] = useState<Device | null>(null);
  const device = sent ?? live;
  const current = ENOS_STATUS_OF[device.online_status];
  const [status, setStatus] = useState<EnosDeviceStatus>(current === 'online' ? 'offline' : current);
  const mutation = useModifyStatus();
  const refusal = statusRefusal(device);
  const blocked = refusal === 'mirrored' || refusal === 'disabled';
  const forceOfflineFirst = refusal === 'connected';
  const id = useId();

  const apply = () => {
    setSent(device);
    mutation.mutate(
      { device, status, forceOfflineFirst },
      {
        onSuccess: () => onDone(`Status of ${device.device_name} set to ${ONLINE_STATUS_LABELS[ONLINE_STATUS_OF[status]]}.`),
        onError: () => setSent(null),
      },
    );
  };

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
        {blocked ? 'OK' : 'Cancel'}
      </button>
      {!blocked && (
        <button type="button" className="button button-primary" onClick={apply} disabled={mutation.isPending || (status === current && !forceOfflineFirst)}>
          {mutation.isPending ? 'Applying…' : forceOfflineFirst ? 'Force offline first, then set status' : 'Set status'}
        </button>
      )}
    </>
  );

  return (
    <ModalDialog title="Change displayed status" onClose={onClose} dismissible={!mutation.isPending} footer={footer}>
      <p>
        <strong>{device.device_name}</strong> is shown <StatusBadge kind="online" value={device.online_status} />
        {device.connected ? ' and is connected.' : ' and is not connected.'}
      </p>
      <p className="status-note">
        This corrects the status the console shows. It does not connect or disconnect the device: a device set to Online is not connected by
        it, and a connected device is not cut off by setting it Offline.
      </p>
      {refusal && (
        <p className={blocked ? 'status-refusal is-blocked' : 'status-refusal'} id={`${id}-refusal`}>
          {REFUSAL_EXPLANATIONS[refusal]}
        </p>
      )}
      {!blocked && (
        <fieldset className="status-choices" aria-describedby={refusal ? `${id}-refusal` : undefined}>
          <legend className="field-label">Show the device as</legend>
          {ENOS_DEVICE_STATUSES.map((value) => (
            <label key={value} className="status-choice">
              <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
              <span>
                <strong>{ONLINE_STATUS_LABELS[ONLINE_STATUS_OF[value]]}</strong>
                <span className="cell-muted"> — {HINTS[value]}</span>
                {value === current && <span className="cell-muted"> (current)</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {mutation.error && <ServiceRefusal error={mutation.error} forcedOffline={mutation.forcedOffline} />}
    </ModalDialog>
  );
}
