import type { Kysely } from 'kysely';
import pg from 'pg';
import { latestListChange } from '../db/list-changes';
import type { Database } from '../db/schema';

/** A device of a workspace changed. */
export interface ChangeNote {
  workspaceId: string;
  deviceId: number;
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
    const rows = await this.db.selectFrom('device_list_changes').select(['device_id', 'seq', 'workspace_id']).where('seq', '>', this.#seq).execute();
    const notes: ChangeNote[] = [];
    for (const row of rows) {
      this.#seq = Math.max(this.#seq, row.seq);
      if (row.workspace_id !== null) notes.push({ workspaceId: row.workspace_id, deviceId: row.device_id });
    }
    return { notes, lost: false };
  }

  async close(): Promise<void> {}
}

/**
 * PostgreSQL: 0012's triggers notify channel `device_changes` at commit, on every replica's
 * listening connection. A connection that drops loses what was notified meanwhile, so the next
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
      const space = payload?.lastIndexOf(' ') ?? -1;
      if (!payload || space < 0) return;
      const deviceId = Number(payload.slice(space + 1));
      this.#pending.set(payload, { workspaceId: payload.slice(0, space), deviceId });
    });
    await client.connect();
    await client.query('LISTEN device_changes');
    this.#client = client;
  }
}
