import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema';

/**
 * The tags of the devices `ids` (bound one by one, or as one expression such as SQLite's JSON
 * array), or of every device when undefined, by device, each device's in order, in one query.
 */
export async function tagsByDevice(db: Kysely<Database>, ids: readonly number[] | RawBuilder<number> | undefined): Promise<Map<number, string[]>> {
  const byDevice = new Map<number, string[]>();
  if (Array.isArray(ids) && ids.length === 0) return byDevice;
  const rows = await db
    .selectFrom('device_tags')
    .select(['device_id', 'tag'])
    .$if(ids !== undefined, (q) => q.where('device_id', 'in', ids!))
    .orderBy('device_id')
    .orderBy('tag')
    .execute();
  for (const { device_id, tag } of rows) {
    const tags = byDevice.get(device_id);
    if (tags) tags.push(tag);
    else byDevice.set(device_id, [tag]);
  }
  return byDevice;
}
