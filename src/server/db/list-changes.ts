import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** SQLite: the number of the latest entry of 0009's change log (0 when empty), the point its readers catch up from. */
export async function latestListChange(db: Kysely<Database>): Promise<number> {
  const { seq } = await db
    .selectFrom('device_list_changes')
    .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('seq'))
    .executeTakeFirstOrThrow();
  return seq;
}
