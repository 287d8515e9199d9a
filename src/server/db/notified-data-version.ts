import type { DataVersion } from '../cache/versioned-cache';
import { PostgresListener } from './postgres-listener';

/** Migration 0022's channel: every statement that changes a table notifies it, once a transaction, at commit. */
export const DATA_CHANGES_CHANNEL = 'data_changes';

/**
 * PostgreSQL's data version, which SQLite reads from the database itself (connect.ts): it moves on
 * each write this process makes (told by the driver, see postgres-dialect.ts) and on each commit
 * any process announces on 0022's channel. Before a transaction of another replica is heard of it
 * stays put, so kept answers (cache/) and the list index see that replica's change milliseconds
 * later, within issue 20's second; this process's own changes at once. While the listening
 * connection is down, no two readings are equal: nothing is kept, everything is read.
 */
export class NotifiedDataVersion {
  #count = 0;
  #listening = false;
  readonly #listener: PostgresListener;

  constructor(databaseUrl: string, onError: (error: unknown) => void) {
    this.#listener = new PostgresListener({
      databaseUrl,
      channel: DATA_CHANGES_CHANNEL,
      onNotification: () => this.changed(),
      onListening: () => {
        // Whatever was committed while no one listened.
        this.changed();
        this.#listening = true;
      },
      onLost: () => {
        this.#listening = false;
      },
      onError,
    });
  }

  readonly current: DataVersion = () => (this.#listening ? String(this.#count) : `unheard ${++this.#count}`);

  /** Something may have changed: a write of this process, or another's commit announced. */
  changed(): void {
    this.#count++;
  }

  /** Listens from now on, in the background: until it does, readings differ (see above). */
  listen(): void {
    this.#listener.listen();
  }

  close(): Promise<void> {
    return this.#listener.close();
  }
}
