import type { Expression, Kysely, SqlBool } from 'kysely';
import { deviceFilterQuerySchema, type DeviceFilter } from '@/contracts/roma';
import type { DialectName } from './connect';
import type { Database } from './schema';

/** The filters `device_counts` can answer: equality tests of the columns its groups keep. */
const COUNTED: ReadonlySet<keyof DeviceFilter> = new Set(['product_id', 'node_type', 'online_status', 'status', 'frozen']);

/** Every other filter (parent_device_id, name, tag…), named from the contract so a filter added later counts rows until taught here. */
const UNCOUNTED = (Object.keys(deviceFilterQuerySchema.shape) as Array<keyof DeviceFilter>).filter((key) => !COUNTED.has(key));

/**
 * How many devices of the workspace match `filter`, whose WHERE clause is `where`. On SQLite a filter
 * of equality tests only is summed from the groups of `device_counts` (0004); anything else counts rows.
 */
export async function countDevices(
  db: Kysely<Database>,
  dialect: DialectName,
  workspaceId: string,
  filter: DeviceFilter,
  where: Expression<SqlBool>,
): Promise<number> {
  if (dialect === 'sqlite' && UNCOUNTED.every((key) => filter[key] === undefined)) {
    const { total } = await db
      .selectFrom('device_counts')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('devices'), eb.lit(0)).as('total'))
      .where('workspace_id', '=', workspaceId)
      .$if(filter.product_id !== undefined, (q) => q.where('product_id', '=', filter.product_id!))
      .$if(filter.node_type !== undefined, (q) => q.where('node_type', '=', filter.node_type!))
      .$if(filter.online_status !== undefined, (q) => q.where('online_status', 'in', filter.online_status!))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .$if(filter.frozen !== undefined, (q) => q.where('frozen', '=', filter.frozen ? 1 : 0))
      .executeTakeFirstOrThrow();
    return Number(total);
  }
  const { total } = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(total);
}
