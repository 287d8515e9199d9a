import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DeviceSummary } from '@/contracts/console';
import type { Database } from './schema';

// Counted row by row: the list and the summary without a list index (PostgreSQL; see listDevices).

/** How many of the devices match `where`. */
export async function countDevices(db: Kysely<Database>, where: Expression<SqlBool>): Promise<number> {
  const { total } = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(total);
}

type Summed = 'total' | 'online_0' | 'online_1' | 'online_2' | 'status_0' | 'status_1' | 'frozen';

/** The fleet summary of the devices matching `where`. */
export async function summarizeMatching(db: Kysely<Database>, where: Expression<SqlBool>): Promise<DeviceSummary> {
  const sumWhen = (column: 'online_status' | 'status' | 'frozen', value: number) =>
    sql<number>`COALESCE(SUM(CASE WHEN ${sql.ref(column)} = ${sql.lit(value)} THEN 1 ELSE 0 END), 0)`;
  const row = (await db
    .selectFrom('devices')
    .where(where)
    .select([
      sql<number>`COUNT(*)`.as('total'),
      sumWhen('online_status', 0).as('online_0'),
      sumWhen('online_status', 1).as('online_1'),
      sumWhen('online_status', 2).as('online_2'),
      sumWhen('status', 0).as('status_0'),
      sumWhen('status', 1).as('status_1'),
      sumWhen('frozen', 1).as('frozen'),
    ])
    .executeTakeFirstOrThrow()) as Record<Summed, number | string>;
  return {
    total: Number(row.total),
    online_status: { '0': Number(row.online_0), '1': Number(row.online_1), '2': Number(row.online_2) },
    status: { '0': Number(row.status_0), '1': Number(row.status_1) },
    frozen: Number(row.frozen),
  };
}
