import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DeviceFilter } from '@/contracts/roma';
import type { DialectName } from './connect';
import { containsInsensitive } from './dialect';
import { fewNameMatches } from './name-search';
import type { Database } from './schema';

/** `ids` as one bound JSON array: each count of ids as placeholders was a new SQL text, prepared anew
 * on every call (a name matching 984 devices: 13.8 ms per list call, most of it preparing). */
export const idsIn = (ids: readonly number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * The WHERE clause of the device list and of the console's summary, so both count the same devices.
 * A name search may first ask the trigram index which devices can match (see name-search.ts).
 * Every column is qualified with `devices.` because the list joins the table to itself for the parent's name.
 */
export async function deviceFilterWhere(
  db: Kysely<Database>,
  dialect: DialectName,
  workspaceId: string,
  filter: DeviceFilter,
): Promise<Expression<SqlBool>> {
  const few = filter.device_name ? await fewNameMatches(db, dialect, filter.device_name) : undefined;
  const eb = expressionBuilder<Database, 'devices'>();
  // SQLite (no statistics) guesses a workspace holds ~10 devices and would walk one of its indexes, testing
  // every row, rather than look up the few devices a rare name or a parent selects. At 100,000 devices: a
  // name 12 ms instead of 0.02 ms, a gateway's sub-devices sorted by name 57 ms instead of 0.4 ms (through
  // devices_parent). A unary + hides the workspace's indexes; PostgreSQL plans from its statistics.
  const fewRows = dialect === 'sqlite' && (few !== undefined || filter.parent_device_id !== undefined);
  const inWorkspace = fewRows ? sql<SqlBool>`+${eb.ref('devices.workspace_id')} = ${workspaceId}` : eb('devices.workspace_id', '=', workspaceId);
  const conditions: Expression<SqlBool>[] = [inWorkspace];
  if (filter.device_name) conditions.push(containsInsensitive(dialect, eb.ref('devices.device_name'), filter.device_name));
  if (few) conditions.push(few.length > 0 ? eb('devices.id', 'in', idsIn(few)) : sql<SqlBool>`FALSE`);
  if (filter.product_id !== undefined) conditions.push(eb('devices.product_id', '=', filter.product_id));
  if (filter.parent_device_id !== undefined) conditions.push(eb('devices.parent_device_id', '=', filter.parent_device_id));
  if (filter.node_id) conditions.push(eb('devices.node_id', 'in', filter.node_id));
  if (filter.node_type !== undefined) conditions.push(eb('devices.node_type', '=', filter.node_type));
  if (filter.online_status) conditions.push(eb('devices.online_status', 'in', filter.online_status));
  if (filter.status !== undefined) conditions.push(eb('devices.status', '=', filter.status));
  if (filter.tag !== undefined) {
    conditions.push(eb('devices.id', 'in', eb.selectFrom('device_tags').select('device_tags.device_id').where('device_tags.tag', '=', filter.tag)));
  }
  if (filter.created_date_start !== undefined) conditions.push(eb('devices.created_datetime', '>=', filter.created_date_start));
  if (filter.created_date_end !== undefined) conditions.push(eb('devices.created_datetime', '<=', filter.created_date_end));
  if (filter.frozen !== undefined) conditions.push(eb('devices.frozen', '=', filter.frozen ? 1 : 0));
  return eb.and(conditions);
}
