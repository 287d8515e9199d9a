import { randomBytes } from 'node:crypto';
import type { ChangeNote, ChangeSource } from './change-source';

/** How often the feed asks its source for changes: a change reaches open consoles well within a second. */
export const POLL_INTERVAL_MS = 250;
/**
 * Changes of a device's last activity alone (a reporting fleet's bulk: 10,000 devices reporting
 * every 10 s make 1,000 a second) are passed on at most this often, gathered, rather than with
 * every poll: each open stream then writes them in a third of the events, and they still reach
 * the console within a second. A change of state goes out with the next poll, as before.
 */
export const ACTIVITY_EVERY_MS = 750;
/** Device ids the feed remembers for resuming streams; a reader further behind starts over. */
const REMEMBERED_IDS = 50_000;

/** The devices of one workspace that changed in one feed event. */
export interface WorkspaceChanges {
  ids: readonly number[];
  /** Those of `ids` whose last activity time alone moved. */
  activityOnly: ReadonlySet<number>;
}

/** What a stream hears: the workspace's devices that changed, under the event id that covers them; or that it must start over. */
export interface FeedListener {
  changed(eventId: string, changes: WorkspaceChanges): void;
  lost(eventId: string): void;
}

interface Tick {
  n: number;
  byWorkspace: Map<string, readonly number[]>;
  size: number;
}

/**
 * One per service process: polls the change source, numbers each poll that found changes, and
 * tells the streams of each workspace which of its devices changed. Event ids are
 * `{epoch}.{n}`: the epoch is this process's, so an id from before a restart, or from another
 * replica, is known to be unknown, and its reader starts over rather than missing changes.
 */
export class ChangeFeed {
  readonly #epoch = randomBytes(6).toString('hex');
  #n = 0;
  #ticks: Tick[] = [];
  #remembered = 0;
  /** Ticks below this number are forgotten, or were lost by the source. */
  #oldestKnown = 0;
  readonly #listeners = new Map<string, Set<FeedListener>>();
  #timer: NodeJS.Timeout | undefined;
  #polls = 0;
  #activityEveryPolls = 1;
  /** Devices per workspace whose activity alone changed since the feed last passed such changes on. */
  #heldActivity = new Map<string, Set<number>>();
  #polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: ChangeSource,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Takes the source's starting point, then polls every `intervalMs` (0: only when `poll` is
   * called) until `close`, passing changes of activity alone on every `activityEveryPolls` polls.
   */
  async start(intervalMs = POLL_INTERVAL_MS, activityEveryPolls = intervalMs > 0 ? Math.max(1, Math.floor(ACTIVITY_EVERY_MS / intervalMs)) : 1): Promise<void> {
    await this.source.take();
    this.#activityEveryPolls = activityEveryPolls;
    if (intervalMs > 0) this.#timer = setInterval(() => void this.poll(), intervalMs);
  }

  /** One poll now (the timer's, or a test's): resolves once its changes are told. */
  poll(): Promise<void> {
    this.#polling = this.#polling.then(() => this.#poll());
    return this.#polling;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#polling;
    await this.source.close();
  }

  /** The id of the latest event: a new stream starts from here. */
  get eventId(): string {
    return `${this.#epoch}.${this.#n}`;
  }

  subscribe(workspaceId: string, listener: FeedListener): () => void {
    const set = this.#listeners.get(workspaceId) ?? new Set();
    set.add(listener);
    this.#listeners.set(workspaceId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(workspaceId);
    };
  }

  /**
   * The workspace's devices that changed after `eventId`, each once; undefined when that is no
   * longer known (another epoch, or older than the feed remembers): the reader starts over.
   */
  changedSince(eventId: string, workspaceId: string): number[] | undefined {
    const [epoch, n] = eventId.split('.');
    const after = Number(n);
    if (epoch !== this.#epoch || !Number.isInteger(after) || after > this.#n || after < this.#oldestKnown) return undefined;
    const ids = new Set<number>();
    for (const tick of this.#ticks) if (tick.n > after) for (const id of tick.byWorkspace.get(workspaceId) ?? []) ids.add(id);
    return [...ids];
  }

  async #poll(): Promise<void> {
    let taken;
    try {
      taken = await this.source.take();
    } catch (error) {
      this.onError(error);
      return;
    }
    const byWorkspace = this.#gather(taken.notes, ++this.#polls % this.#activityEveryPolls === 0);
    if (!taken.lost && byWorkspace.size === 0) return;
    const n = ++this.#n;
    const eventId = this.eventId;
    if (taken.lost) {
      // Nothing before this tick can be replayed any more.
      this.#ticks = [];
      this.#remembered = 0;
      this.#oldestKnown = n;
      for (const set of this.#listeners.values()) for (const listener of set) listener.lost(eventId);
    }
    // A resumed stream is owed whole devices: what it missed is remembered by id alone.
    const ids = new Map([...byWorkspace].map(([workspaceId, changes]) => [workspaceId, changes.ids]));
    this.#remember({ n, byWorkspace: ids, size: [...ids.values()].reduce((size, list) => size + list.length, 0) });
    for (const [workspaceId, changes] of byWorkspace) for (const listener of this.#listeners.get(workspaceId) ?? []) listener.changed(eventId, changes);
  }

  /**
   * This poll's changes per workspace: its changes of state, and the changes of activity alone
   * held so far when `passActivity`. A device whose state changed is no longer held: it goes out
   * whole, its activity time with it.
   */
  #gather(notes: readonly ChangeNote[], passActivity: boolean): Map<string, WorkspaceChanges> {
    const changed = new Map<string, Set<number>>();
    for (const { workspaceId, deviceId, activityOnly } of notes) {
      const into = activityOnly ? this.#heldActivity : changed;
      let ids = into.get(workspaceId);
      if (!ids) into.set(workspaceId, (ids = new Set()));
      ids.add(deviceId);
    }
    for (const [workspaceId, ids] of changed) {
      const held = this.#heldActivity.get(workspaceId);
      if (held) for (const id of ids) held.delete(id);
    }
    const byWorkspace = new Map<string, WorkspaceChanges>();
    const workspaces = new Set([...changed.keys(), ...(passActivity ? this.#heldActivity.keys() : [])]);
    for (const workspaceId of workspaces) {
      const activityOnly = (passActivity && this.#heldActivity.get(workspaceId)) || new Set<number>();
      const ids = [...(changed.get(workspaceId) ?? []), ...activityOnly];
      if (ids.length > 0) byWorkspace.set(workspaceId, { ids, activityOnly });
    }
    if (passActivity) this.#heldActivity = new Map();
    return byWorkspace;
  }

  #remember(tick: Tick): void {
    this.#ticks.push(tick);
    this.#remembered += tick.size;
    while (this.#remembered > REMEMBERED_IDS && this.#ticks.length > 1) {
      const dropped = this.#ticks.shift()!;
      this.#remembered -= dropped.size;
      this.#oldestKnown = dropped.n;
    }
  }
}
