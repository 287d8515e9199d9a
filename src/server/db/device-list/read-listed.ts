import type { Kysely } from 'kysely';
import { tagsByDevice } from '../device-tags';
import { idsIn, type DialectName } from '../dialect';
import type { Database } from '../schema';
import { LISTED_COLUMNS, type ListedRow } from './listed-devices';

type Db = Kysely<Database>;

/** Rows a read when the whole index is read afresh. */
const READ_CHUNK = 20_000;

/** The listed columns and tags of the devices `ids`. */
export async function readListed(db: Db, dialect: DialectName, ids: readonly number[]): Promise<{ rows: ListedRow[]; tags: Map<number, string[]> }> {
  const rows = await db.selectFrom('devices').select(LISTED_COLUMNS).where('id', 'in', idsIn(dialect, ids)).execute();
  const tags = await tagsByDevice(db, idsIn(dialect, ids));
  return { rows, tags };
}

/**
 * Every device's listed columns and tags, a chunk of ids at a time, each put before the next is
 * read: at 1,000,000 devices one read of every row held them all as objects at once, and the
 * process kept that peak (RSS 1.2 GiB) long after they were gone.
 */
export async function readAllListed(db: Db, dialect: DialectName, put: (row: ListedRow, tags: readonly string[]) => void): Promise<void> {
  for (let after = -1; ; ) {
    const rows = await db.selectFrom('devices').select(LISTED_COLUMNS).where('id', '>', after).orderBy('id').limit(READ_CHUNK).execute();
    if (rows.length === 0) return;
    const tags = await tagsByDevice(db, idsIn(dialect, rows.map((row) => row.id)));
    for (const row of rows) put(row, tags.get(row.id) ?? []);
    after = rows[rows.length - 1]!.id;
  }
}
