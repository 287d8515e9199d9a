import { useLiveStream, type LiveState } from '@/web/features/live/use-live-stream';
import '@/web/features/live/live-indicator.css';

const LABELS: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
};

/** Whether the console follows the fleet as it changes, with the operator's pause. */
export function LiveIndicator() {
  const { state, paused, setPaused } = useLiveStream();
  return (
    <div className={`live-indicator live-${state}`}>
      <span className="live-dot" aria-hidden="true" />
      <span role="status" className="live-label" title="Whether this page follows device changes as they happen">
        {LABELS[state]}
      </span>
      <button type="button" className="button button-ghost live-toggle" onClick={() => setPaused(!paused)}>
        {paused ? 'Resume' : 'Pause'}
        <span className="visually-hidden"> live updates</span>
      </button>
    </div>
  );
}
