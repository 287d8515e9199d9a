import { lazy, Suspense, useState, type ReactNode, type Ref } from 'react';
import type { Device } from '@/contracts/device';
import { ActionButton } from '@/web/features/devices/device-detail/action-button';
import { canBeFrozen, SUB_DEVICE_REASON } from '@/web/features/devices/freeze/freeze-rules';

// Dialogs load when opened: reading a device never pays for them.
const StatusModificationDialog = lazy(() => import('@/web/features/devices/status-modification/status-modification-dialog'));
const FreezeDialog = lazy(() => import('@/web/features/devices/freeze/freeze-dialog'));

export const NO_MODIFY_REASON = 'Your permissions on this device do not include modify, so you cannot change it.';

interface DeviceActionsProps {
  device: Device;
  editing: boolean;
  onEdit: () => void;
  /** An action finished; the page announces the message. */
  onDone: (message: string) => void;
  editButtonRef: Ref<HTMLButtonElement>;
  /** Actions other features add (the app passes "Replace key"). */
  extra?: ReactNode;
}

/** The page's action bar: each action either works or says why not, following the device's permissions. */
export function DeviceActions({ device, editing, onEdit, onDone, editButtonRef, extra }: DeviceActionsProps) {
  const [open, setOpen] = useState<'status' | 'freeze' | null>(null);
  const noModify = device.permissions.includes('modify') ? undefined : NO_MODIFY_REASON;
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  return (
    <div className="device-actions" role="group" aria-label="Device actions">
      {!editing && <ActionButton label="Edit" onClick={onEdit} unavailable={noModify} buttonRef={editButtonRef} />}
      <ActionButton label="Change status…" onClick={() => setOpen('status')} unavailable={noModify} />
      <ActionButton
        label={device.frozen ? 'Unfreeze…' : 'Freeze…'}
        onClick={() => setOpen('freeze')}
        unavailable={noModify ?? (canBeFrozen(device) ? undefined : SUB_DEVICE_REASON)}
      />
      {extra}
      {open && (
        <Suspense fallback={null}>
          {open === 'status' ? (
            <StatusModificationDialog device={device} onClose={close} onDone={done} />
          ) : (
            <FreezeDialog device={device} onClose={close} onDone={done} />
          )}
        </Suspense>
      )}
    </div>
  );
}
