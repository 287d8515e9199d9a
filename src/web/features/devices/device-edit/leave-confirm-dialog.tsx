import { Trans, useLingui } from '@lingui/react/macro';
import { ModalDialog } from '@/web/components/modal-dialog';

/** Asked before an edit with unsaved changes is left behind. */
export function LeaveConfirmDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useLingui();
  return (
    <ModalDialog
      title={t`Leave without saving?`}
      onClose={onStay}
      footer={
        <>
          <button type="button" className="button button-primary" onClick={onStay}>
            <Trans>Keep editing</Trans>
          </button>
          <button type="button" className="button button-danger" onClick={onLeave}>
            <Trans>Discard changes and leave</Trans>
          </button>
        </>
      }
    >
      <p>
        <Trans>Your changes to this device are not saved. If you leave now, they are lost.</Trans>
      </p>
    </ModalDialog>
  );
}
