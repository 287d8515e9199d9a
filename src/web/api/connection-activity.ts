import { queryOptions } from '@tanstack/react-query';
import { connectionActivitySchema, type ActivityMinute, type ConnectionActivity } from '@/contracts/console';
import { apiFetch } from '@/web/api/client';
import { consoleInstancePath } from '@/web/api/device-paths';
import { deviceQueries } from '@/web/api/device-queries';

export const MINUTE_MS = 60_000;
/** The chart's window: this minute and the 59 before it. */
export const ACTIVITY_MINUTES = 60;

export async function getConnectionActivity(signal?: AbortSignal): Promise<ConnectionActivity> {
  const { data } = await apiFetch({ path: consoleInstancePath('/connection-activity'), schema: connectionActivitySchema, signal });
  return data;
}

// Under the devices key, so a `reset` of the stream reads the hour again with everything else.
export const connectionActivityQuery = () =>
  queryOptions({ queryKey: [...deviceQueries.all(), 'activity'], queryFn: ({ signal }) => getConnectionActivity(signal) });

/** The hour with `latest` (the stream's count of its minute so far) in place of what it held of that minute; minutes older than an hour before it go. */
export function withMinute(data: ConnectionActivity, latest: ActivityMinute): ConnectionActivity {
  const oldest = latest.minute - (ACTIVITY_MINUTES - 1) * MINUTE_MS;
  const minutes = data.minutes.filter((m) => m.minute >= oldest && m.minute !== latest.minute);
  const at = minutes.findIndex((m) => m.minute > latest.minute);
  minutes.splice(at < 0 ? minutes.length : at, 0, latest);
  return { minutes };
}
