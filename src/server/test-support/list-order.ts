import { sql, type Kysely } from 'kysely';
import { DEFAULT_WORKSPACE } from '../db/bootstrap';
import type { DialectName } from '../db/dialect';
import { containsInsensitive } from '../db/dialect';
import type { Database } from '../db/schema';

/**
 * The ground truth of a list, by plain SQL: the ids of the demo workspace's devices passing `where`,
 * in `sort`'s order as the list sorts (NULL last ascending and first descending, ties by id).
 */
export async function idsInListOrder(
  db: Kysely<Database>,
  dialect: DialectName,
  sort: string,
  where: { status?: number; frozen?: 0 | 1; name?: string } = {},
): Promise<number[]> {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const direction = desc ? 'desc' : 'asc';
  const rows = await db
    .selectFrom('devices')
    .select('id')
    .where('workspace_id', '=', DEFAULT_WORKSPACE.id)
    .$if(where.status !== undefined, (q) => q.where('status', '=', where.status!))
    .$if(where.frozen !== undefined, (q) => q.where('frozen', '=', where.frozen!))
    .$if(where.name !== undefined, (q) => q.where(containsInsensitive(dialect, sql.ref('device_name'), where.name!)))
    .orderBy(sql`${sql.ref(field)} IS NULL`, direction)
    .orderBy(sql.ref(field), direction)
    .orderBy('id', direction)
    .execute();
  return rows.map((r) => r.id);
}
