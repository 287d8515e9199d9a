import { useLingui } from '@lingui/react/macro';
import type { ReactNode, Ref } from 'react';
import { ActionButton } from '@/web/components/action-button';

interface DeviceActionsProps {
  /** Why the operator cannot edit the device; undefined when they can. */
  editBlocked: string | undefined;
  editing: boolean;
  onEdit: () => void;
  editButtonRef: Ref<HTMLButtonElement>;
  /** The actions other features add, composed by the app (status, force offline, freeze, replace key). */
  extra?: ReactNode;
}

/** The page's action bar: each action either works or says why not, following the user's role and the device's permissions. */
export function DeviceActions({ editBlocked, editing, onEdit, editButtonRef, extra }: DeviceActionsProps) {
  const { t } = useLingui();
  return (
    <div className="device-actions" role="group" aria-label={t`Device actions`}>
      {!editing && <ActionButton label={t`Edit`} onClick={onEdit} unavailable={editBlocked} buttonRef={editButtonRef} />}
      {extra}
    </div>
  );
}

