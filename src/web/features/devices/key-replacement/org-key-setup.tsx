import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { describeError } from '@/web/api/api-error';
import { ShieldIcon } from '@/web/features/devices/key-replacement/icons';
import { formatFingerprint } from '@/web/features/devices/key-replacement/org-key';
import type { OrgKey } from '@/web/features/devices/key-replacement/use-org-key';

const Fingerprint = ({ hex }: { hex: string }) => (
  <code className="kr-fingerprint" translate="no">
    {formatFingerprint(hex)}
  </code>
);

/** Where the secret will be sealed, and the one-time setup when this browser cannot open it. */
export function OrgKeySetup({ orgKey }: { orgKey: OrgKey }) {
  const { t } = useLingui();
  const { status, create, creating, createError, recheck } = orgKey;
  const titleId = useId();
  const createFailure = createError === undefined ? '' : describeError(createError);
  const failure = createError !== undefined && (
    <p role="alert" className="form-alert">
      <Trans>The organisation key was not set up: {createFailure}</Trans>
    </p>
  );

  switch (status.state) {
    case 'checking':
      return (
        <p role="status" className="kr-key-line">
          <span className="spinner" aria-hidden="true" />
          <Trans>Checking your organisation’s key…</Trans>
        </p>
      );
    case 'error': {
      const reason = describeError(status.error);
      return (
        <div role="alert" className="form-alert kr-key-error">
          <p>
            <Trans>Your organisation’s key could not be checked: {reason}</Trans>
          </p>
          <button type="button" className="button" onClick={recheck}>
            <Trans>Check again</Trans>
          </button>
        </div>
      );
    }
    case 'ready':
      return (
        <div role="status" className="kr-key-line kr-key-ready">
          <ShieldIcon />
          <p>
            <Trans>
              The secret will be sealed for your organisation’s key, which this browser holds. Fingerprint <Fingerprint hex={status.key.fingerprint} />
            </Trans>
          </p>
        </div>
      );
    case 'none':
      return (
        <section className="kr-callout" aria-labelledby={titleId}>
          <h3 id={titleId}>
            <Trans>Set up your organisation’s key</Trans>
          </h3>
          <p>
            <Trans>
              The service seals each new secret for your organisation’s public key, and only the private key kept in this browser can open it. Your
              organisation has no key yet; creating one takes a moment and is needed only once.
            </Trans>
          </p>
          {failure}
          <button type="button" className="button button-primary" onClick={() => void create()} disabled={creating} aria-busy={creating || undefined}>
            {creating ? t`Creating key…` : t`Create organisation key`}
          </button>
        </section>
      );
    case 'foreign':
      return (
        <section className="kr-callout kr-callout-warning" aria-labelledby={titleId}>
          <h3 id={titleId}>
            <Trans>This browser cannot open your organisation’s secrets</Trans>
          </h3>
          <p>
            <Trans>
              Your organisation’s key was made in another browser, or this browser’s copy was cleared. Its fingerprint:{' '}
              <Fingerprint hex={status.fingerprint} />
            </Trans>
          </p>
          <p>
            <Trans>
              You can replace it with a key made here. <strong>Secrets issued to the old key cannot be revealed here</strong>, and the browser holding
              the old key will no longer reveal new ones.
            </Trans>
          </p>
          {failure}
          <button type="button" className="button button-danger" onClick={() => void create()} disabled={creating} aria-busy={creating || undefined}>
            {creating ? t`Replacing key…` : t`Replace organisation key`}
          </button>
        </section>
      );
  }
}
