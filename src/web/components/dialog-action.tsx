import { Suspense, useState, type ReactNode } from 'react';
import { ActionButton } from '@/web/components/action-button';

interface DialogActionProps {
  label: string;
  /** Why the action is not available, if it is not. */
  unavailable?: string | undefined;
  /** The dialog (usually lazy), given how to close it and how to report what it did. */
  dialog: (close: () => void, done: (message: string) => void) => ReactNode;
  onDone: (message: string) => void;
}

/** An action-bar button that opens a dialog; the dialog's code loads when it first opens. */
export function DialogAction({ label, unavailable, dialog, onDone }: DialogActionProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const done = (message: string) => {
    setOpen(false);
    onDone(message);
  };
  return (
    <>
      <ActionButton label={label} onClick={() => setOpen(true)} unavailable={unavailable} />
      {open && <Suspense fallback={null}>{dialog(close, done)}</Suspense>}
    </>
  );
}
