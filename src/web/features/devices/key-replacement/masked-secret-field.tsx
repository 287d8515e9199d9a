import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { CopyIcon, EyeIcon, EyeOffIcon } from '@/web/features/devices/key-replacement/icons';
import { AUTO_HIDE_MS, useAutoHide, type HideReason } from '@/web/features/devices/key-replacement/use-auto-hide';
import { useCopyFeedback } from '@/web/features/devices/key-replacement/use-copy-feedback';

const AUTO_HIDE_SECONDS = AUTO_HIDE_MS / 1000;

/**
 * Azure IoT Explorer's masked, copyable field, taken further: while masked the secret is not in
 * the page at all (only dots), it masks itself again when left alone, and copying never needs
 * it on screen. `translate="no"` keeps page translators from sending it anywhere.
 */
export function MaskedSecretField({ label, secret, children }: { label: string; secret: string; children?: ReactNode }) {
  const { t } = useLingui();
  const labelId = useId();
  const [revealed, setRevealed] = useState(false);
  // Why it was masked again, if it was; said in the language on screen.
  const [hiddenBy, setHiddenBy] = useState<HideReason | null>(null);
  const [copyState, copy] = useCopyFeedback();
  const hide = useCallback((reason: HideReason) => {
    setRevealed(false);
    setHiddenBy(reason);
  }, []);
  useAutoHide(revealed, hide);

  const toggle = () => {
    setRevealed(!revealed);
    setHiddenBy(null);
  };
  const seconds = AUTO_HIDE_SECONDS;
  const note =
    hiddenBy === 'idle'
      ? t`Hidden again after ${seconds} seconds without activity.`
      : hiddenBy === 'away'
        ? t`Hidden while the console was in the background.`
        : '';
  const feedback = copyState === 'copied' ? t`Copied` : copyState === 'failed' ? t`Copy failed: this browser refused access to the clipboard.` : note;
  const name = label.toLowerCase();

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
            <span className="visually-hidden">
              <Trans>Hidden</Trans>
            </span>
          </>
        )}
      </code>
      <div className="secret-actions">
        <button type="button" className="button secret-toggle" aria-pressed={revealed} aria-label={t`Show ${name}`} onClick={toggle}>
          {revealed ? <EyeOffIcon /> : <EyeIcon />}
          <Trans>Show</Trans>
        </button>
        <button type="button" className="button" aria-label={t`Copy ${name}`} onClick={() => void copy(secret)}>
          <CopyIcon />
          <Trans>Copy</Trans>
        </button>
        {children}
        <p role="status" className={copyState === 'failed' ? 'secret-feedback field-error' : 'secret-feedback'}>
          {feedback}
        </p>
      </div>
      <p className="kr-hint">
        <Trans>Copying works while it is masked. Once shown, it masks itself again after {seconds} seconds without activity.</Trans>
      </p>
    </div>
  );
}
