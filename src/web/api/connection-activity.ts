import { queryOptions } from '@tanstack/react-query';
import { connectionActivitySchema, type ActivityMinute, type ConnectionActivity } from '@/contracts/console';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';
import { deviceQueries } from '@/web/api/device-queries';
import { MINUTE_MS } from '@/web/lib/use-current-minute';

export { MINUTE_MS };

/** The chart's window: this minute and the 59 before it. */
export const ACTIVITY_MINUTES = 60;

export async function getConnectionActivity(signal?: AbortSignal): Promise<ConnectionActivity> {
  const { data } = await apiFetch({ path: consoleInstancePath('/connection-activity'), schema: connectionActivitySchema, signal });
  return data;
}

// Under the devices key, so a `reset` of the stream reads the hour again with everything else.
export const connectionActivityQuery = () =>
  queryOptions({ queryKey: [...deviceQueries.all(), 'activity'], queryFn: ({ signal }) => getConnectionActivity(signal) });

/** The hour with the stream's counts in place of what it held of their minutes, oldest first; minutes more than an hour before the newest go. */
export function withMinutes(data: ConnectionActivity, latest: readonly ActivityMinute[]): ConnectionActivity {
  const byMinute = new Map([...data.minutes, ...latest].map((m) => [m.minute, m]));
  const oldest = Math.max(...byMinute.keys()) - (ACTIVITY_MINUTES - 1) * MINUTE_MS;
  return { minutes: [...byMinute.values()].filter((m) => m.minute >= oldest).sort((a, b) => a.minute - b.minute) };
}
