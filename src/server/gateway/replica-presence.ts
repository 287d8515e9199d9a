import type { Kysely } from 'kysely';
import { disconnectAll } from '../db/device-connections';
import type { Database } from '../db/schema';
import { REPLICA_GONE_REASON, RESTART_REASON } from './end-reasons';

/** How often a replica says it is alive, and looks for sessions of replicas that are gone. */
export const PRESENCE_EVERY_MS = 5_000;
/** A replica not heard of for this long is gone: its sessions are disconnected by the others. */
export const GONE_AFTER_MS = 30_000;

/**
 * PostgreSQL, several replicas (replicas-migration.ts): this replica says it is alive every few
 * seconds and disconnects, as ghosts, the devices a replica that stopped saying so still shows
 * connected: a crashed replica's devices do not stay online until it returns.
 */
export class ReplicaPresence {
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly replicaId: string,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Before the gateway listens: says this replica is alive, then disconnects what it held before a
   * restart and what replicas that are gone held. Answers how many; then keeps saying so.
   */
  async start(): Promise<number> {
    await this.#announce();
    const ghosts = await disconnectAll(this.db, this.now(), RESTART_REASON, this.#scope(true));
    this.#timer = setInterval(() => void this.#beat().catch(this.onError), PRESENCE_EVERY_MS).unref();
    return ghosts;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #beat(): Promise<void> {
    await this.#announce();
    await disconnectAll(this.db, this.now(), REPLICA_GONE_REASON, this.#scope(false));
  }

  #scope(ownAreGhosts: boolean) {
    return { replicaId: this.replicaId, aliveSince: this.now() - GONE_AFTER_MS, ownAreGhosts };
  }

  async #announce(): Promise<void> {
    const seen_at = this.now();
    await this.db
      .insertInto('replicas')
      .values({ id: this.replicaId, seen_at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at }))
      .execute();
  }
}
