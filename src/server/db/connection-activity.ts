import { sql, type Kysely } from 'kysely';
import type { ActivityMinute } from '@/contracts/console';
import type { Database } from './schema';

export const MINUTE_MS = 60_000;
/** The chart's window: this minute and the 59 before it. */
export const ACTIVITY_MINUTES = 60;
/**
 * What the stream tells of a reader that has the hour: the minute before as well as this one, as
 * a session is written after it began or ended (the gateway writes in batches) and a stream tells
 * at most once a second: the last second of a minute is counted once the next has begun.
 */
export const RECENT_MINUTES = 2;

/**
 * Connections and disconnections of the workspace's devices per minute, for the `minutes` up to
 * and including the one `now` is in, oldest first, every minute present (refused CONNECTs are
 * not sessions, and are not counted).
 */
export async function connectionActivity(db: Kysely<Database>, workspaceId: string, now: number, minutes = ACTIVITY_MINUTES): Promise<ActivityMinute[]> {
  const last = Math.floor(now / MINUTE_MS);
  const first = last - minutes + 1;
  // Integer division on both engines (`at` is an integer, or a bigint): a literal, as SQLite's
  // driver binds a number as a real and PostgreSQL cannot type a bare parameter here.
  const bucket = sql<number>`c.at / ${sql.lit(MINUTE_MS)}`;
  const rows = await db
    .selectFrom('device_connections as c')
    .innerJoin('devices as d', 'd.id', 'c.device_id')
    .select([bucket.as('minute'), 'c.event', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.workspace_id', '=', workspaceId)
    .where('c.at', '>=', first * MINUTE_MS)
    .where('c.event', 'in', ['connected', 'disconnected'])
    .groupBy([bucket, 'c.event'])
    .execute();
  const counts = Array.from({ length: minutes }, (_, i) => ({ minute: (first + i) * MINUTE_MS, connected: 0, disconnected: 0 }));
  for (const row of rows) {
    const slot = counts[Number(row.minute) - first];
    if (slot && (row.event === 'connected' || row.event === 'disconnected')) slot[row.event] = Number(row.n);
  }
  return counts;
}
