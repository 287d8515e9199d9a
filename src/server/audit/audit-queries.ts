import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '@/contracts/operators';
import type { AuditRecordsTable, Database } from '../db/schema';
import type { Selectable } from 'kysely';

type Row = Selectable<AuditRecordsTable>;

function filtered(db: Kysely<Database>, workspaceId: string, filter: AuditFilter): SelectQueryBuilder<Database, 'audit_records', object> {
  let q = db.selectFrom('audit_records').where('workspace_id', '=', workspaceId);
  if (filter.device_id !== undefined) q = q.where('device_id', '=', filter.device_id);
  if (filter.user !== undefined) q = q.where('username', '=', filter.user);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.result !== undefined) q = q.where('result', '=', filter.result);
  if (filter.from !== undefined) q = q.where('at', '>=', Date.parse(filter.from));
  if (filter.to !== undefined) q = q.where('at', '<', Date.parse(filter.to));
  return q;
}

const parsed = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export const toAuditRecord = (row: Row): AuditRecord => ({
  id: Number(row.id),
  at: new Date(Number(row.at)).toISOString(),
  user: row.username,
  action: row.action,
  result: row.result,
  device_id: row.device_id === null ? null : Number(row.device_id),
  target: row.target,
  error_code: row.error_code,
  error_msg: row.error_msg,
  before: parsed(row.before),
  after: parsed(row.after),
  run_id: row.run_id,
  request_id: row.request_id,
  client_ip: row.client_ip,
});

/** A page of the workspace's records, newest first. */
export async function readAuditPage(db: Kysely<Database>, workspaceId: string, query: AuditQuery): Promise<AuditPage> {
  const [count, rows] = await Promise.all([
    filtered(db, workspaceId, query).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered(db, workspaceId, query).selectAll().orderBy('id', 'desc').offset(query.offset).limit(query.limit).execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toAuditRecord) };
}

const EXPORT_ROWS_PER_READ = 1_000;

/** Every record the filter matches, newest first, a thousand at a time after the last id seen, so memory stays flat however many there are. */
export async function* auditRecordsMatching(db: Kysely<Database>, workspaceId: string, filter: AuditFilter): AsyncGenerator<AuditRecord[]> {
  let before: number | undefined;
  for (;;) {
    const rows = await filtered(db, workspaceId, filter)
      .selectAll()
      .$if(before !== undefined, (q) => q.where('id', '<', before ?? 0))
      .orderBy('id', 'desc')
      .limit(EXPORT_ROWS_PER_READ)
      .execute();
    yield rows.map(toAuditRecord);
    if (rows.length < EXPORT_ROWS_PER_READ) return;
    before = Number(rows[rows.length - 1]!.id);
  }
}
