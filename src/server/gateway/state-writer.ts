import type { Kysely, Transaction } from 'kysely';
import { inChunks } from '../db/in-chunks';
import type { Database } from '../db/schema';
import { writeSessionEvents, type SessionEvent } from './session-writes';

/** The connection history keeps this many latest entries per device; older ones are dropped as new ones come. */
export const HISTORY_PER_DEVICE = 100;
/** A device's history is cut back to its latest 100 once this many entries came since the last cut: at most 119 are kept. */
const PRUNE_EVERY = 20;

export interface WriterOptions {
  /** How long session events wait to share a transaction. */
  eventDelayMs?: number;
  /** How often traffic's `last_active_time` and the latest reports are written, at most once per device. */
  activityIntervalMs?: number;
  /** The replica whose gateway holds the sessions (replicas-migration.ts). */
  replicaId: string;
  onError: (error: unknown) => void;
}

/**
 * Writes what sessions do to the database, in the order it happened, batched: a transaction per
 * batch of events rather than per CONNECT, and traffic coalesced to one `last_active_time` write
 * per device per interval however chatty the device.
 */
export class SessionStateWriter {
  readonly #db: Kysely<Database>;
  readonly #options: Required<WriterOptions>;
  #events: SessionEvent[] = [];
  #active = new Map<number, number>();
  #reports = new Map<number, { at: number; report: string }>();
  readonly #sincePrune = new Map<number, number>();
  #eventTimer: NodeJS.Timeout | undefined;
  readonly #activityTimer: NodeJS.Timeout;
  #flushing: Promise<void> = Promise.resolve();
  /** Rows written, for the bench's figure of writes per second. */
  writes = 0;

  constructor(db: Kysely<Database>, options: WriterOptions) {
    this.#db = db;
    this.#options = { eventDelayMs: 50, activityIntervalMs: 10_000, ...options };
    this.#activityTimer = setInterval(() => void this.flush(), this.#options.activityIntervalMs).unref();
  }

  record(event: SessionEvent): void {
    this.#events.push(event);
    this.#eventTimer ??= setTimeout(() => {
      this.#eventTimer = undefined;
      void this.#flush(false);
    }, this.#options.eventDelayMs);
  }

  active(deviceId: number, at: number): void {
    this.#active.set(deviceId, at);
  }

  report(deviceId: number, at: number, report: string): void {
    this.#reports.set(deviceId, { at, report });
    this.#active.set(deviceId, at);
  }

  /** Writes everything pending: events, activity and reports. */
  flush(): Promise<void> {
    return this.#flush(true);
  }

  async close(): Promise<void> {
    clearInterval(this.#activityTimer);
    clearTimeout(this.#eventTimer);
    await this.flush();
  }

  #flush(withActivity: boolean): Promise<void> {
    // One batch at a time, so the order of events holds across batches.
    this.#flushing = this.#flushing.then(() => this.#write(withActivity));
    return this.#flushing;
  }

  async #write(withActivity: boolean): Promise<void> {
    const events = this.#events;
    const active = withActivity ? this.#active : new Map<number, number>();
    const reports = withActivity ? this.#reports : new Map<number, { at: number; report: string }>();
    if (events.length === 0 && active.size === 0 && reports.size === 0) return;
    this.#events = [];
    if (withActivity) {
      this.#active = new Map();
      this.#reports = new Map();
    }
    try {
      await this.#db.transaction().execute(async (trx) => {
        await writeSessionEvents(trx, events, this.#options.replicaId);
        // Traffic is written a second at a time: one statement per second of activity, not per device.
        for (const [second, ids] of bySecond(active)) {
          for (const chunk of inChunks(ids)) {
            await trx.updateTable('devices').set({ last_active_time: second }).where('id', 'in', chunk).where('connected', '=', 1).execute();
          }
        }
        for (const [deviceId, { at, report }] of reports) {
          await trx
            .insertInto('device_reports')
            .values({ device_id: deviceId, reported_at: at, report })
            .onConflict((oc) => oc.column('device_id').doUpdateSet({ reported_at: at, report }))
            .execute();
        }
        for (const deviceId of this.#duePrune(events)) await pruneHistory(trx, deviceId);
      });
      this.writes += events.length + active.size + reports.size;
    } catch (error) {
      // Nothing is lost: the batch goes back in front of what came since, and is tried again.
      this.#events = [...events, ...this.#events];
      for (const [deviceId, at] of active) if (!this.#active.has(deviceId)) this.#active.set(deviceId, at);
      for (const [deviceId, report] of reports) if (!this.#reports.has(deviceId)) this.#reports.set(deviceId, report);
      this.#options.onError(error);
    }
  }

  /** The devices whose history has grown by PRUNE_EVERY entries since it was last cut. */
  #duePrune(events: SessionEvent[]): number[] {
    const due: number[] = [];
    for (const { deviceId } of events) {
      const count = (this.#sincePrune.get(deviceId) ?? 0) + 1;
      if (count < PRUNE_EVERY) {
        this.#sincePrune.set(deviceId, count);
        continue;
      }
      this.#sincePrune.delete(deviceId);
      due.push(deviceId);
    }
    return due;
  }
}

function bySecond(active: Map<number, number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const [deviceId, at] of active) {
    const second = at - (at % 1_000);
    const ids = groups.get(second) ?? [];
    ids.push(deviceId);
    groups.set(second, ids);
  }
  return groups;
}

async function pruneHistory(trx: Transaction<Database>, deviceId: number): Promise<void> {
  const oldestKept = await trx
    .selectFrom('device_connections')
    .select('id')
    .where('device_id', '=', deviceId)
    .orderBy('id', 'desc')
    .offset(HISTORY_PER_DEVICE - 1)
    .limit(1)
    .executeTakeFirst();
  if (oldestKept) await trx.deleteFrom('device_connections').where('device_id', '=', deviceId).where('id', '<', oldestKept.id).execute();
}
