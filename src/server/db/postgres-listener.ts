import pg from 'pg';

const RELISTEN_MS = 1_000;

export interface PostgresListenerOptions {
  databaseUrl: string;
  channel: string;
  onNotification: (payload: string | undefined) => void;
  /** Listening, the first time or again after a drop. */
  onListening?: () => void;
  /** The connection dropped: what is sent until `onListening` is lost to this listener. */
  onLost?: () => void;
  onError: (error: unknown) => void;
}

/**
 * A connection of its own LISTENing on one channel (a pooled one would be handed to other queries),
 * opened again a second after it drops or fails to open, until closed.
 */
export class PostgresListener {
  #client: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(private readonly options: PostgresListenerOptions) {}

  /** Resolves once listening; rejects if it cannot (the caller decides whether that is fatal). */
  async start(): Promise<void> {
    const { databaseUrl, channel, onNotification, onListening, onLost, onError } = this.options;
    const client = new pg.Client({ connectionString: databaseUrl });
    const drop = (error?: unknown) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      void client.end().catch(() => {});
      onLost?.();
      if (error) onError(error);
      this.#listenLater();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', ({ payload }) => onNotification(payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) return void client.end().catch(() => {});
    this.#client = client;
    onListening?.();
  }

  /** Starts listening in the background, trying again each second until it does. */
  listen(): void {
    this.start().catch((error: unknown) => {
      this.options.onError(error);
      this.#listenLater();
    });
  }

  #listenLater(): void {
    if (this.#closed) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.listen(), RELISTEN_MS);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
