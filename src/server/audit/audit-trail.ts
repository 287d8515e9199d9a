import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditResult } from '@/contracts/operators';
import { inChunks } from '../db/in-chunks';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Who did it, from where; the same for every record of one call or one batch task. */
export interface Actor {
  workspaceId: string;
  /** Null when the caller could not be identified (no token, a forged or revoked one). */
  username: string | null;
  requestId: string | null;
  clientIp: string | null;
  /** Shared by the records of one bulk call or batch task. */
  runId: string | null;
}

export type FieldValues = Record<string, unknown>;

export interface AuditEntry {
  action: AuditAction;
  result?: AuditResult;
  deviceId?: number | null;
  target?: string | null;
  errorCode?: string | number | null;
  errorMsg?: string | null;
  before?: FieldValues | null;
  after?: FieldValues | null;
}

// 14 columns a row: 500 rows stay under SQLite's 32,766 bound parameters.
const ROWS_PER_STATEMENT = 500;

const json = (values: FieldValues | null | undefined) => (values && Object.keys(values).length > 0 ? JSON.stringify(values) : null);

/** The fields of `after` that differ from `before`, each side holding only those: what an audit record shows. */
export function changedFields(before: object, after: object): { before: FieldValues; after: FieldValues } {
  const was: FieldValues = {};
  const now: FieldValues = {};
  const old = before as FieldValues;
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(old[key]) === JSON.stringify(value)) continue;
    was[key] = old[key] ?? null;
    now[key] = value;
  }
  return { before: was, after: now };
}

/**
 * The audit records of one call. A change writes its records inside the change's own transaction
 * (`record(trx, …)`), so a change is never without its record nor a record without its change; a
 * call that ends refused with nothing recorded gets its refusal recorded by the error handler.
 */
export class AuditTrail {
  #written = false;

  constructor(readonly actor: Actor) {}

  get written(): boolean {
    return this.#written;
  }

  /** The transaction that held the records rolled back: they were never written. */
  rolledBack(): void {
    this.#written = false;
  }

  /** Marks the records that follow as one run (a bulk call), named by the request's id. */
  asRun(): this {
    this.actor.runId = this.actor.requestId;
    return this;
  }

  async record(db: Db, entries: readonly AuditEntry[], now = Date.now()): Promise<void> {
    await writeAuditRecords(db, this.actor, entries, now);
    this.#written = true;
  }
}

export async function writeAuditRecords(db: Db, actor: Actor, entries: readonly AuditEntry[], now = Date.now()): Promise<void> {
  for (const chunk of inChunks(entries, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('audit_records')
      .values(
        chunk.map((entry) => ({
          workspace_id: actor.workspaceId,
          at: now,
          username: actor.username,
          action: entry.action,
          result: entry.result ?? 'success',
          device_id: entry.deviceId ?? null,
          target: entry.target ?? null,
          error_code: entry.errorCode === undefined || entry.errorCode === null ? null : String(entry.errorCode),
          error_msg: entry.errorMsg ?? null,
          before: json(entry.before),
          after: json(entry.after),
          run_id: actor.runId,
          request_id: actor.requestId,
          client_ip: actor.clientIp,
        })),
      )
      .execute();
  }
}
