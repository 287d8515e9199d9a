import type { Kysely } from 'kysely';
import type { DeviceChange, WholeDeviceChange } from '@/contracts/console-events';
import { tagsByDevice } from '../db/device-tags';
import { inChunks } from '../db/in-chunks';
import type { Database } from '../db/schema';

/**
 * The devices `ids` of the workspace as they are now; one no longer there is `deleted`; one of
 * `activityOnly` is its last activity time alone (the reader holds the rest as it is).
 */
export async function readDeviceChanges(db: Kysely<Database>, workspaceId: string, ids: readonly number[], activityOnly: ReadonlySet<number> = new Set()): Promise<DeviceChange[]> {
  const changes: DeviceChange[] = [];
  for (const chunk of inChunks(ids)) {
    const rows = await db
      .selectFrom('devices')
      .select(['id', 'device_name', 'status', 'online_status', 'frozen', 'connected', 'last_active_time', 'last_login_datetime', 'last_updated_datetime', 'client_ip', 'revision'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute();
    const tags = await tagsByDevice(db, activityOnly.size === 0 ? chunk : chunk.filter((id) => !activityOnly.has(id)));
    const found = new Set<number>();
    for (const row of rows) {
      found.add(row.id);
      if (activityOnly.has(row.id) && row.last_active_time !== null) {
        changes.push({ id: row.id, last_active_time: row.last_active_time });
        continue;
      }
      const change: WholeDeviceChange = {
        id: row.id,
        device_name: row.device_name,
        status: row.status as WholeDeviceChange['status'],
        online_status: row.online_status as WholeDeviceChange['online_status'],
        frozen: row.frozen === 1,
        connected: row.connected === 1,
        last_updated_datetime: row.last_updated_datetime,
        tags: tags.get(row.id) ?? [],
        revision: row.revision,
      };
      // Absent rather than null, as on the device itself (device-mapper.ts).
      if (row.last_active_time !== null) change.last_active_time = row.last_active_time;
      if (row.last_login_datetime !== null) change.last_login_datetime = row.last_login_datetime;
      if (row.client_ip !== null) change.client_ip = row.client_ip;
      changes.push(change);
    }
    for (const id of chunk) if (!found.has(id)) changes.push({ id, deleted: true });
  }
  return changes;
}
