import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { ConnectionHistory, DeviceReport } from '@/contracts/console';
import type { Database } from './schema';

/** Whether the device exists in the workspace: another tenant's device answers as a missing one. */
export async function deviceInWorkspace(db: Kysely<Database>, workspaceId: string, deviceId: number): Promise<boolean> {
  const row = await db.selectFrom('devices').select('id').where('id', '=', deviceId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row !== undefined;
}

/** A device's connection history, newest first. */
export async function connectionHistory(db: Kysely<Database>, deviceId: number, offset: number, limit: number): Promise<ConnectionHistory> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('device_connections')
      .select(['at', 'event', 'reason', 'client_ip'])
      .where('device_id', '=', deviceId)
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    db.selectFrom('device_connections').select((eb) => eb.fn.countAll<number | string>().as('n')).where('device_id', '=', deviceId).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: items.map((item) => ({ ...item, at: Number(item.at) })) };
}

export async function latestReport(db: Kysely<Database>, deviceId: number): Promise<DeviceReport | undefined> {
  const row = await db.selectFrom('device_reports').select(['reported_at', 'report']).where('device_id', '=', deviceId).executeTakeFirst();
  if (!row) return undefined;
  let report: unknown = row.report;
  try {
    report = JSON.parse(row.report);
  } catch {
    // Kept as the device sent it: the page shows the text.
  }
  return { reported_at: Number(row.reported_at), report };
}

/**
 * Which connected devices a replica may disconnect as ghosts: those held by a replica not seen
 * since `aliveSince`, and on start (`ownAreGhosts`) those it held itself before and those held by
 * no replica named.
 */
export interface GhostScope {
  replicaId: string;
  aliveSince: number;
  ownAreGhosts: boolean;
}

/**
 * No session outlives the process that held it, so a device still marked connected is
 * disconnected, with a line in its history: on start, before the gateway listens, every one
 * (`scope` undefined: one service alone) or those `scope` allows (replicas). Answers how many.
 */
export async function disconnectAll(db: Kysely<Database>, at: number, reason: string, scope?: GhostScope): Promise<number> {
  const ghosts = (eb: ExpressionBuilder<Database, 'devices'>) => {
    const connected = eb('connected', '=', 1);
    if (!scope) return connected;
    const alive = eb.selectFrom('replicas').select('replicas.id').where('replicas.seen_at', '>=', scope.aliveSince).where('replicas.id', '<>', scope.replicaId);
    const orphaned = eb.or([eb('session_replica', 'is', null), eb('session_replica', 'not in', alive)]);
    return eb.and(scope.ownAreGhosts ? [connected, orphaned] : [connected, orphaned, eb('session_replica', '<>', scope.replicaId)]);
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('device_connections')
      .columns(['device_id', 'at', 'event', 'reason', 'client_ip'])
      .expression((eb) =>
        eb
          .selectFrom('devices')
          .select((s) => ['id', s.val(at).as('at'), s.val('disconnected').as('event'), s.val(reason).as('reason'), 'client_ip'])
          .where(ghosts),
      )
      .execute();
    const result = await trx
      .updateTable('devices')
      .set((eb) => ({ connected: 0, online_status: sql<number>`CASE WHEN online_status = 1 THEN 2 ELSE online_status END`, revision: eb('revision', '+', 1) }))
      .where(ghosts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

/** On start: cuts every device's history back to its latest `keep` entries (a restart forgets how many came since the last cut). */
export async function pruneAllHistory(db: Kysely<Database>, keep: number): Promise<number> {
  const result = await db
    .deleteFrom('device_connections')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom((inner) =>
          inner
            .selectFrom('device_connections')
            .select(['id', sql<number>`row_number() OVER (PARTITION BY device_id ORDER BY id DESC)`.as('newer')])
            .as('ranked'),
        )
        .select('ranked.id')
        .where('ranked.newer', '>', keep),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
