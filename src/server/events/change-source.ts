import type { Kysely } from 'kysely';
import { latestListChange } from '../db/list-changes';
import { PostgresListener } from '../db/postgres-listener';
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
 * alone: 0013). A connection that drops loses what is notified until it listens again, a second
 * later: the next take says changes were lost, and so does the first take once it listens again,
 * since a stream that started over in between read the fleet before the changes it then missed.
 */
export class PostgresNotifications implements ChangeSource {
  readonly #listener: PostgresListener;
  #started: Promise<void> | undefined;
  #pending = new Map<string, ChangeNote>();
  #lost = false;
  #dropped = false;

  constructor(databaseUrl: string, onError: (error: unknown) => void) {
    this.#listener = new PostgresListener({
      databaseUrl,
      channel: 'device_changes',
      onNotification: (payload) => this.#note(payload),
      onLost: () => {
        this.#dropped = true;
        this.#lost = true;
      },
      onListening: () => {
        if (this.#dropped) this.#lost = true;
        this.#dropped = false;
      },
      onError,
    });
  }

  async take(): Promise<TakenChanges> {
    // The first take listens, or fails as the service starts; a later drop is listened again by the listener.
    this.#started ??= this.#listener.start().catch((error: unknown) => {
      this.#started = undefined;
      throw error;
    });
    await this.#started;
    const notes = [...this.#pending.values()];
    this.#pending = new Map();
    const lost = this.#lost;
    this.#lost = false;
    return { notes, lost };
  }

  close(): Promise<void> {
    return this.#listener.close();
  }

  #note(payload: string | undefined): void {
    const [, workspaceId, id, kind] = NOTIFICATION.exec(payload ?? '') ?? [];
    if (!workspaceId || !id) return;
    const key = `${workspaceId} ${id}`;
    // A device is a change of activity alone only if every notification of it since the last take was.
    const activityOnly = kind !== undefined && (this.#pending.get(key)?.activityOnly ?? true);
    this.#pending.set(key, { workspaceId, deviceId: Number(id), activityOnly });
  }
}
