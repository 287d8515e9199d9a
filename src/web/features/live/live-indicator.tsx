import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useLiveStream, type LiveState } from '@/web/features/live/use-live-stream';
import '@/web/features/live/live-indicator.css';

const LABELS: Record<LiveState, MessageDescriptor> = {
  connecting: msg`Connecting…`,
  live: msg`Live`,
  reconnecting: msg`Reconnecting…`,
  paused: msg`Paused`,
};

/** Whether the console follows the fleet as it changes, with the operator's pause. */
export function LiveIndicator() {
  const { t, i18n } = useLingui();
  const { state, paused, setPaused } = useLiveStream();
  return (
    <div className={`live-indicator live-${state}`}>
      <span className="live-dot" aria-hidden="true" />
      <span role="status" className="live-label" title={t`Whether this page follows device changes as they happen`}>
        {i18n._(LABELS[state])}
      </span>
      <button type="button" className="button button-ghost live-toggle" onClick={() => setPaused(!paused)}>
        {paused ? (
          <Trans>
            Resume<span className="visually-hidden"> live updates</span>
          </Trans>
        ) : (
          <Trans>
            Pause<span className="visually-hidden"> live updates</span>
          </Trans>
        )}
      </button>
    </div>
  );
}
