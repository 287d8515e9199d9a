import { ModalDialog } from '@/web/components/modal-dialog';

/** Asked before an edit with unsaved changes is left behind. */
export function LeaveConfirmDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <ModalDialog
      title="Leave without saving?"
      onClose={onStay}
      footer={
        <>
          <button type="button" className="button button-primary" onClick={onStay}>
            Keep editing
          </button>
          <button type="button" className="button button-danger" onClick={onLeave}>
            Discard changes and leave
          </button>
        </>
      }
    >
      <p>Your changes to this device are not saved. If you leave now, they are lost.</p>
    </ModalDialog>
  );
}
