import { randomBytes } from 'node:crypto';
import type { ChangeSource } from './change-source';

/** How often the feed asks its source for changes: a change reaches open consoles well within a second. */
export const POLL_INTERVAL_MS = 250;
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
  byWorkspace: Map<string, number[]>;
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
  #polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: ChangeSource,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Takes the source's starting point, then polls every `intervalMs` (0: only when `poll` is called) until `close`. */
  async start(intervalMs = POLL_INTERVAL_MS): Promise<void> {
    await this.source.take();
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
    if (!taken.lost && taken.notes.length === 0) return;
    const n = ++this.#n;
    const eventId = this.eventId;
    if (taken.lost) {
      // Nothing before this tick can be replayed any more.
      this.#ticks = [];
      this.#remembered = 0;
      this.#oldestKnown = n;
      for (const set of this.#listeners.values()) for (const listener of set) listener.lost(eventId);
    }
    const byWorkspace = new Map<string, { ids: number[]; activityOnly: Set<number> }>();
    for (const { workspaceId, deviceId, activityOnly } of taken.notes) {
      let changes = byWorkspace.get(workspaceId);
      if (!changes) byWorkspace.set(workspaceId, (changes = { ids: [], activityOnly: new Set() }));
      changes.ids.push(deviceId);
      if (activityOnly) changes.activityOnly.add(deviceId);
    }
    // A resumed stream is owed whole devices: what it missed is remembered by id alone.
    this.#remember({ n, byWorkspace: new Map([...byWorkspace].map(([workspaceId, { ids }]) => [workspaceId, ids])), size: taken.notes.length });
    for (const [workspaceId, changes] of byWorkspace) for (const listener of this.#listeners.get(workspaceId) ?? []) listener.changed(eventId, changes);
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
