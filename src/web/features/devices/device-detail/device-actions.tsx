import type { ReactNode, Ref } from 'react';
import { ActionButton } from '@/web/components/action-button';
import { canModify, NO_MODIFY_REASON } from '@/web/lib/device-rules';

interface DeviceActionsProps {
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  editButtonRef: Ref<HTMLButtonElement>;
  /** The actions other features add, composed by the app (status, freeze, replace key). */
  extra?: ReactNode;
}

/** The page's action bar: each action either works or says why not, following the device's permissions. */
export function DeviceActions({ canEdit, editing, onEdit, editButtonRef, extra }: DeviceActionsProps) {
  return (
    <div className="device-actions" role="group" aria-label="Device actions">
      {!editing && <ActionButton label="Edit" onClick={onEdit} unavailable={canEdit ? undefined : NO_MODIFY_REASON} buttonRef={editButtonRef} />}
      {extra}
    </div>
  );
}

export { canModify };
