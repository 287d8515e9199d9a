import { Trans } from '@lingui/react/macro';

interface BulkRunFooterProps {
  /** The confirm button's text, e.g. "Force 3 devices offline", and its look. */
  confirmLabel: string;
  confirmClassName: string;
  /** What the confirm button says, disabled, while the run goes on. */
  runningLabel: string;
  running: boolean;
  cancelling: boolean;
  onConfirm: () => void;
  onClose: () => void;
  onCancel: () => void;
}

/**
 * The footer of a bulk action's confirm step and of its run. Both are the same two buttons, so
 * the confirm button just pressed stays in the document (disabled) when the run starts: removing
 * the focused element made the browser move focus and lay out the page inside the click, before
 * the rows' new state could be painted.
 */
export function BulkRunFooter({ confirmLabel, confirmClassName, runningLabel, running, cancelling, onConfirm, onClose, onCancel }: BulkRunFooterProps) {
  return (
    <>
      <button type="button" className="button" onClick={running ? onCancel : onClose} disabled={running && cancelling}>
        {running && cancelling ? <Trans>Cancelling…</Trans> : <Trans>Cancel</Trans>}
      </button>
      <button type="button" className={confirmClassName} onClick={onConfirm} disabled={running}>
        {running ? runningLabel : confirmLabel}
      </button>
    </>
  );
}
