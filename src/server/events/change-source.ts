import type { Kysely } from 'kysely';
import pg from 'pg';
import { latestListChange } from '../db/list-changes';
import type { Database } from '../db/schema';

/** A device of a workspace changed; `activityOnly` when only its last activity time moved since the previous take. */
export interface ChangeNote {
  workspaceId: string;
  deviceId: number;
  activityOnly: boolean;
}

export interface TakenChanges {
  notes: ChangeNote[];
  /** Changes may have been missed (the source lost its connection): readers must read everything again. */
  lost: boolean;
}

/** Where the stream learns that devices changed, by any writer: this process, another replica, another process on the file. */
export interface ChangeSource {
  /** The changes committed since the last call, each device once. */
  take(): Promise<TakenChanges>;
  close(): Promise<void>;
}

/**
 * SQLite: 0009's change log holds each device's latest change, numbered in commit order (one
 * writer at a time), whoever wrote it. Polled: the query reads only entries past the last one seen.
 */
export class SqliteChangeLog implements ChangeSource {
  #seq: number | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async take(): Promise<TakenChanges> {
    if (this.#seq === undefined) {
      this.#seq = await latestListChange(this.db);
      return { notes: [], lost: false };
    }
    const after = this.#seq;
    const rows = await this.db.selectFrom('device_list_changes').select(['device_id', 'seq', 'workspace_id', 'state_seq']).where('seq', '>', after).execute();
    const notes: ChangeNote[] = [];
    for (const row of rows) {
      this.#seq = Math.max(this.#seq, row.seq);
      // 0013: an entry whose latest change of state is one this reader has already taken.
      const activityOnly = row.state_seq !== null && row.state_seq <= after;
      if (row.workspace_id !== null) notes.push({ workspaceId: row.workspace_id, deviceId: row.device_id, activityOnly });
    }
    return { notes, lost: false };
  }

  async close(): Promise<void> {}
}

/** `{workspace} {device id}`, then ` a` when only the device's last activity time moved. */
const NOTIFICATION = /^(.+) (\d+)( a)?$/;

/**
 * PostgreSQL: 0012's triggers notify channel `device_changes` at commit, on every replica's
 * listening connection (`{workspace} {id}`, or `{workspace} {id} a` for a change of activity
 * alone: 0013). A connection that drops loses what was notified meanwhile, so the next
 * take says so and the streams start over; the connection is opened again on the next take.
 */
export class PostgresNotifications implements ChangeSource {
  #client: pg.Client | undefined;
  #pending = new Map<string, ChangeNote>();
  #lost = false;
  #closed = false;

  constructor(private readonly databaseUrl: string) {}

  async take(): Promise<TakenChanges> {
    if (!this.#client && !this.#closed) await this.#listen();
    const notes = [...this.#pending.values()];
    this.#pending = new Map();
    const lost = this.#lost;
    this.#lost = false;
    return { notes, lost };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => {});
    this.#client = undefined;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    const drop = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#lost = true;
      void client.end().catch(() => {});
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', ({ payload }) => {
      const [, workspaceId, id, kind] = NOTIFICATION.exec(payload ?? '') ?? [];
      if (!workspaceId || !id) return;
      const key = `${workspaceId} ${id}`;
      // A device is a change of activity alone only if every notification of it since the last take was.
      const activityOnly = kind !== undefined && (this.#pending.get(key)?.activityOnly ?? true);
      this.#pending.set(key, { workspaceId, deviceId: Number(id), activityOnly });
    });
    await client.connect();
    await client.query('LISTEN device_changes');
    this.#client = client;
  }
}
