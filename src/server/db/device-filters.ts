import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DeviceFilter } from '@/contracts/roma';
import type { DialectName } from './dialect';
import { containsInsensitive } from './dialect';
import type { Database } from './schema';

/**
 * The WHERE clause of the list and of the summary where no list index answers them (PostgreSQL, which
 * plans from its statistics), so both count the same devices. Every column is qualified with
 * `devices.` because the list joins the table to itself for the parent's name.
 */
export function deviceFilterWhere(dialect: DialectName, workspaceId: string, filter: DeviceFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'devices'>();
  const conditions: Expression<SqlBool>[] = [eb('devices.workspace_id', '=', workspaceId)];
  if (filter.device_name) conditions.push(containsInsensitive(dialect, eb.ref('devices.device_name'), filter.device_name));
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
