import { useLingui } from '@lingui/react/macro';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import '@/web/components/modal-dialog.css';

interface ModalDialogProps {
  title: string;
  /** Escape and the close button call this; pass `dismissible={false}` while work must not be abandoned. */
  onClose: () => void;
  dismissible?: boolean;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
}

/**
 * A native modal <dialog>: the browser traps focus, makes the page inert, closes on Escape
 * and gives focus back to the control that opened it.
 */
export function ModalDialog({ title, onClose, dismissible = true, children, footer, wide = false }: ModalDialogProps) {
  const { t } = useLingui();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Layout effect: its cleanup runs while the dialog is still in the document, so closing it
  // hands focus back; the explicit focus covers an opener the browser did not remember.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        {dismissible && (
          <button type="button" className="modal-close" aria-label={t`Close`} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <div className="modal-body">{children}</div>
      <footer className="modal-footer">{footer}</footer>
    </dialog>
  );
}
