import type { Transaction } from 'kysely';
import { BATCH_TASK_CODES, type BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { AuditAction } from '@/contracts/operators';
import { changedFields, writeAuditRecords, type AuditEntry } from '../audit/audit-trail';
import type { DialectName } from '../db/dialect';
import type { DeviceStateChange } from '../db/device-lookup';
import type { Database, DeviceRow } from '../db/schema';
import { connectionChanged, forceOffline } from '../domain/force-offline';
import { canBeFrozen, freezeChange, unfreezeChange } from '../domain/freeze';
import { END_REASONS, type EndReason } from '../gateway/end-reasons';

type Device = Pick<DeviceRow, 'id' | 'node_type' | 'frozen' | 'connected' | 'online_status'>;
type Outcome = { ok: true; change: DeviceStateChange | undefined } | { ok: false; code: string; message: string };

const SUB_DEVICE = 'Only devices that connect directly to the platform can be frozen or unfrozen; this device is a sub-device.';

/** What each task type does to one device, by the same rules as the single calls (003, 004). */
const OUTCOMES: Record<BatchTaskType, (device: Device) => Outcome> = {
  freezeDevices: (device) => (canBeFrozen(device) ? { ok: true, change: freezeChange(device) } : { ok: false, code: BATCH_TASK_CODES.invalidInput, message: SUB_DEVICE }),
  unfreezeDevices: (device) => (canBeFrozen(device) ? { ok: true, change: unfreezeChange(device) } : { ok: false, code: BATCH_TASK_CODES.invalidInput, message: SUB_DEVICE }),
  forceOfflineDevices: (device) => {
    const next = forceOffline(device);
    return { ok: true, change: connectionChanged(device, next) ? next : undefined };
  },
};

const AUDITED: Record<BatchTaskType, AuditAction> = {
  freezeDevices: 'device.freeze',
  unfreezeDevices: 'device.unfreeze',
  forceOfflineDevices: 'device.forceOffline',
};

/** The sessions a done subtask ends once its batch is committed: a frozen or forced-offline device cannot stay connected. */
export const SESSION_END: Record<BatchTaskType, EndReason | undefined> = {
  freezeDevices: END_REASONS.frozen,
  unfreezeDevices: undefined,
  forceOfflineDevices: END_REASONS.forcedOffline,
};

export interface RunningTask {
  task_id: string;
  workspace_id: string;
  task_type: BatchTaskType;
  created_user: string;
}

/**
 * Runs the task's next `size` waiting subtasks in the caller's transaction: each device changed
 * and its subtask marked done or failed together, so a run killed at any point leaves every
 * subtask either done with its change or waiting without it. On PostgreSQL the subtasks are
 * claimed with SKIP LOCKED, so replicas running the same task take different batches. Returns
 * the devices done, or undefined when none was waiting.
 */
export async function runBatch(trx: Transaction<Database>, dialect: DialectName, task: RunningTask, size: number, now: number): Promise<number[] | undefined> {
  let next = trx.selectFrom('batch_task_details').select(['seq', 'device_id', 'target']).where('task_id', '=', task.task_id).where('status', '=', 'Waitting').orderBy('seq').limit(size);
  if (dialect === 'postgres') next = next.forUpdate().skipLocked();
  const subtasks = await next.execute();
  if (subtasks.length === 0) return undefined;
  const ids = subtasks.flatMap((s) => (s.device_id === null ? [] : [s.device_id]));
  let found = trx.selectFrom('devices').select(['id', 'node_type', 'frozen', 'connected', 'online_status']).where('workspace_id', '=', task.workspace_id).where('id', 'in', ids).orderBy('id');
  // One lock order for every writer (forceDevicesOffline's), so overlapping batches cannot deadlock.
  if (dialect === 'postgres') found = found.forUpdate();
  const devices = new Map((ids.length > 0 ? await found.execute() : []).map((d) => [d.id, d]));

  const done: number[] = [];
  const doneSeqs: number[] = [];
  const changes = new Map<string, { change: DeviceStateChange; ids: number[] }>();
  const failures = new Map<string, { code: string; message: string; seqs: number[] }>();
  const action = AUDITED[task.task_type];
  const records: AuditEntry[] = [];
  const fail = (seq: number, code: string, message: string, named: Pick<AuditEntry, 'deviceId' | 'target'>) => {
    records.push({ action, result: 'failed', ...named, errorCode: code, errorMsg: message });
    const key = `${code} ${message}`;
    const group = failures.get(key) ?? { code, message, seqs: [] };
    group.seqs.push(seq);
    failures.set(key, group);
  };
  for (const { seq, device_id, target } of subtasks) {
    const device = device_id === null ? undefined : devices.get(device_id);
    // Deleted since the task was created.
    if (!device) {
      fail(seq, BATCH_TASK_CODES.deviceNotFound, 'The device does not exist.', { deviceId: device_id, target });
      continue;
    }
    const outcome = OUTCOMES[task.task_type](device);
    if (!outcome.ok) {
      fail(seq, outcome.code, outcome.message, { deviceId: device.id });
      continue;
    }
    records.push({ action, deviceId: device.id, ...changedFields(device, outcome.change ?? {}) });
    done.push(device.id);
    doneSeqs.push(seq);
    if (!outcome.change) continue;
    const key = JSON.stringify(outcome.change);
    const group = changes.get(key) ?? { change: outcome.change, ids: [] };
    group.ids.push(device.id);
    changes.set(key, group);
  }
  for (const { change, ids: changed } of changes.values()) {
    await trx
      .updateTable('devices')
      .set((eb) => ({ ...change, last_updated_user: task.created_user, last_updated_datetime: now, revision: eb('revision', '+', 1) }))
      .where('id', 'in', changed)
      .execute();
  }
  const mark = (seqs: number[], status: 'Success' | 'Fail', code: string | null, message: string | null) =>
    trx.updateTable('batch_task_details').set({ status, error_code: code, error_msg: message, updated_at: now }).where('task_id', '=', task.task_id).where('seq', 'in', seqs).execute();
  if (doneSeqs.length > 0) await mark(doneSeqs, 'Success', null, null);
  for (const { code, message, seqs } of failures.values()) await mark(seqs, 'Fail', code, message);
  // Done by whoever created the task, one record per device, all under the task's id.
  const actor = { workspaceId: task.workspace_id, username: task.created_user, requestId: null, clientIp: null, runId: task.task_id };
  await writeAuditRecords(trx, actor, records, now);
  return done;
}
