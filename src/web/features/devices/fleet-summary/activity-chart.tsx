import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import type { ActivityMinute } from '@/contracts/console';
import { ACTIVITY_MINUTES, connectionActivityQuery, MINUTE_MS } from '@/web/api/connection-activity';
import { formatTime } from '@/web/lib/format';
import { useCurrentMinute } from '@/web/lib/use-current-minute';

const SLOT = 4;
const WIDTH = SLOT * ACTIVITY_MINUTES;
const HALF = 26;

/** The hour up to minute `last`, every minute present: one without a count had no sessions begin or end. */
function hourTo(last: number, minutes: readonly ActivityMinute[]): ActivityMinute[] {
  const byMinute = new Map(minutes.map((m) => [m.minute, m]));
  return Array.from({ length: ACTIVITY_MINUTES }, (_, i) => {
    const minute = last - (ACTIVITY_MINUTES - 1 - i) * MINUTE_MS;
    return byMinute.get(minute) ?? { minute, connected: 0, disconnected: 0 };
  });
}

/**
 * Sessions begun (above the line) and ended (below) per minute over the last hour, in plain SVG:
 * the hour is read once, the stream keeps its latest minutes current (features/live/), and the window
 * moves on as each minute begins. The totals under it say the same in words.
 */
export function ActivityChart() {
  const { t } = useLingui();
  const now = useCurrentMinute();
  const query = useQuery(connectionActivityQuery());
  const minutes = query.data?.minutes ?? [];
  // The service's clock counts the minutes: a browser's that is behind it still shows its latest.
  const hour = hourTo(Math.max(now, minutes.at(-1)?.minute ?? 0), minutes);
  const peak = Math.max(1, ...hour.map((m) => Math.max(m.connected, m.disconnected)));
  const connected = hour.reduce((sum, m) => sum + m.connected, 0);
  const disconnected = hour.reduce((sum, m) => sum + m.disconnected, 0);
  const minuteTitle = (m: ActivityMinute) => {
    const time = formatTime(m.minute);
    const up = m.connected;
    const down = m.disconnected;
    return t`${time}: ${up} connected, ${down} disconnected`;
  };
  const height = (count: number) => (count === 0 ? 0 : Math.max(1, (count / peak) * HALF));

  return (
    <div className="summary-group activity" role="group" aria-labelledby="summary-activity">
      <h3 id="summary-activity">
        <Trans>Activity, last hour</Trans>
      </h3>
      <svg className="activity-chart" viewBox={`0 0 ${WIDTH} ${HALF * 2 + 1}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1="0" x2={WIDTH} y1={HALF + 0.5} y2={HALF + 0.5} className="activity-baseline" />
        {hour.map((m, i) => (
          <g key={m.minute}>
            <title>{minuteTitle(m)}</title>
            <rect x={i * SLOT} y="0" width={SLOT} height={HALF * 2 + 1} className="activity-slot" />
            <rect x={i * SLOT + 0.5} y={HALF - height(m.connected)} width={SLOT - 1} height={height(m.connected)} className="tone-online activity-bar" />
            <rect x={i * SLOT + 0.5} y={HALF + 1} width={SLOT - 1} height={height(m.disconnected)} className="tone-offline activity-bar" />
          </g>
        ))}
      </svg>
      <p className="activity-axis" aria-hidden="true">
        <span>
          <Trans>1 h ago</Trans>
        </span>
        <span>
          <Trans>now</Trans>
        </span>
      </p>
      <p className="activity-totals">
        {query.isError ? (
          t`Activity is unavailable`
        ) : query.data ? (
          <>
            <span className="activity-key tone-online">{t`${plural(connected, { one: '# connection', other: '# connections' })}`}</span>
            <span className="activity-key tone-offline">{t`${plural(disconnected, { one: '# disconnection', other: '# disconnections' })}`}</span>
          </>
        ) : (
          t`Reading the last hour…`
        )}
      </p>
    </div>
  );
}
