import { useCallback, useId, useState, type ReactNode } from 'react';
import { CopyIcon, EyeIcon, EyeOffIcon } from '@/web/features/devices/key-replacement/icons';
import { AUTO_HIDE_MS, useAutoHide, type HideReason } from '@/web/features/devices/key-replacement/use-auto-hide';
import { useCopyFeedback } from '@/web/features/devices/key-replacement/use-copy-feedback';

const HIDDEN_NOTES: Record<HideReason, string> = {
  idle: `Hidden again after ${AUTO_HIDE_MS / 1000} seconds without activity.`,
  away: 'Hidden while the console was in the background.',
};

/**
 * Azure IoT Explorer's masked, copyable field, taken further: while masked the secret is not in
 * the page at all (only dots), it masks itself again when left alone, and copying never needs
 * it on screen. `translate="no"` keeps page translators from sending it anywhere.
 */
export function MaskedSecretField({ label, secret, children }: { label: string; secret: string; children?: ReactNode }) {
  const labelId = useId();
  const [revealed, setRevealed] = useState(false);
  const [note, setNote] = useState('');
  const [copyState, copy] = useCopyFeedback();
  const hide = useCallback((reason: HideReason) => {
    setRevealed(false);
    setNote(HIDDEN_NOTES[reason]);
  }, []);
  useAutoHide(revealed, hide);

  const toggle = () => {
    setRevealed(!revealed);
    setNote('');
  };
  const feedback = copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed: this browser refused access to the clipboard.' : note;

  return (
    <div className="secret-field" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="field-label">
        {label}
      </span>
      <code className="secret-value" translate="no" data-revealed={revealed}>
        {revealed ? (
          secret
        ) : (
          <>
            <span aria-hidden="true">{'•'.repeat(secret.length)}</span>
            <span className="visually-hidden">Hidden</span>
          </>
        )}
      </code>
      <div className="secret-actions">
        <button type="button" className="button secret-toggle" aria-pressed={revealed} aria-label={`Show ${label.toLowerCase()}`} onClick={toggle}>
          {revealed ? <EyeOffIcon /> : <EyeIcon />}
          Show
        </button>
        <button type="button" className="button" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy(secret)}>
          <CopyIcon />
          Copy
        </button>
        {children}
        <p role="status" className={copyState === 'failed' ? 'secret-feedback field-error' : 'secret-feedback'}>
          {feedback}
        </p>
      </div>
      <p className="kr-hint">Copying works while it is masked. Once shown, it masks itself again after {AUTO_HIDE_MS / 1000} seconds without activity.</p>
    </div>
  );
}
