import type { Kysely } from 'kysely';
import { EVENT_NAMES, type DevicesEvent, type ResetEvent } from '@/contracts/console-events';
import type { TasksEvent } from '@/contracts/iotda-batch-tasks';
import type { ConnectionActivity, DeviceSummary } from '@/contracts/console';
import { MINUTE_MS } from '../db/connection-activity';
import type { Database } from '../db/schema';
import type { ChangeFeed, FeedListener, WorkspaceChanges } from './change-feed';
import { readDeviceChanges } from './device-changes';

/**
 * Devices a stream may owe its reader before it gives up on them and sends `reset` instead: a
 * reader that slow reads everything again, and the stream never holds more than this.
 */
export const MAX_OWED_DEVICES = 10_000;
/** A stream sends the summary at most this often; counts in between are folded into the next one. */
export const SUMMARY_EVERY_MS = 1_000;
/** A stream looks at the workspace's batch tasks this often, and tells them when they changed. */
export const TASKS_EVERY_MS = 1_000;

export interface StreamMessage {
  id?: string;
  event: string;
  data: DevicesEvent | DeviceSummary | ConnectionActivity | ResetEvent | TasksEvent;
}

/** The whole hour of connection activity, or its RECENT_MINUTES up to `now` (connection-activity.ts). */
export type ActivitySpan = 'hour' | 'recent';

export interface StreamDeps {
  db: Kysely<Database>;
  feed: ChangeFeed;
  /** The workspace's summary as of the feed's event id (shared by every stream of the workspace). */
  summary: (workspaceId: string, eventId: string) => Promise<DeviceSummary>;
  /** Connections and disconnections per minute up to `now`'s minute, as of the feed's event id (shared alike). */
  activity: (workspaceId: string, eventId: string, now: number, span: ActivitySpan) => Promise<ConnectionActivity>;
  /** The `devices` event of one feed event, read once for every stream that owes exactly those devices. */
  eventChanges: (workspaceId: string, eventId: string, changes: WorkspaceChanges) => Promise<DevicesEvent>;
  /** The workspace's running and recent batch tasks (tasks/task-queries.ts liveTasks), read once a second for every stream, with a signature to compare. */
  tasks: (workspaceId: string, now: number) => Promise<{ signature: string; data: TasksEvent }>;
}

/**
 * One reader's stream of a workspace's changes. What it owes the reader is a set of device ids,
 * not events: a device that changes ten times while the reader is slow is sent once, as it is
 * then (the back-pressure rule: at most one entry per device, at most MAX_OWED_DEVICES, then a
 * `reset`). A device owed for changes of its last activity alone is sent as that time alone.
 * Each `devices` event carries the feed's event id that it covers, for `Last-Event-ID`.
 */
export class WorkspaceStream implements FeedListener {
  readonly #owed = new Set<number>();
  /** Those of #owed whose every change since the reader last had them moved only their last activity. */
  readonly #activityOnly = new Set<number>();
  /** Set while what is owed is exactly the devices of feed event #eventId: the common case of a reader keeping up. */
  #owedIsEvent: WorkspaceChanges | undefined;
  #eventId: string;
  #reset: ResetEvent['reason'] | undefined;
  #summaryDue = true;
  #summarySentAt = 0;
  /** The minute the reader's last activity was counted in: it has every minute before, that one as it was then. */
  #activitySentIn: number | undefined;
  #tasksCheckedAt = 0;
  /** The signature of the last `tasks` event sent: an unchanged one is not sent again. */
  #tasksSent = '';
  #wake: (() => void) | undefined;
  #stopped = false;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly deps: StreamDeps,
    private readonly workspaceId: string,
    lastEventId: string | undefined,
  ) {
    this.#eventId = deps.feed.eventId;
    if (lastEventId !== undefined) {
      const missed = deps.feed.changedSince(lastEventId, workspaceId);
      if (missed === undefined) this.#reset = 'unknown last event id';
      else for (const id of missed) this.#owed.add(id);
    }
    this.#unsubscribe = deps.feed.subscribe(workspaceId, this);
  }

  changed(eventId: string, changes: WorkspaceChanges): void {
    this.#eventId = eventId;
    this.#owedIsEvent = this.#owed.size === 0 ? changes : undefined;
    for (const id of changes.ids) {
      if (!changes.activityOnly.has(id)) this.#activityOnly.delete(id);
      else if (!this.#owed.has(id)) this.#activityOnly.add(id);
      this.#owed.add(id);
    }
    if (this.#owed.size > MAX_OWED_DEVICES) {
      this.#forgetOwed();
      this.#reset = 'reader too slow';
    }
    this.#summaryDue = true;
    this.#wakeUp();
  }

  lost(eventId: string): void {
    this.#eventId = eventId;
    this.#forgetOwed();
    this.#reset = 'changes missed';
    this.#wakeUp();
  }

  stop(): void {
    this.#stopped = true;
    this.#unsubscribe();
    this.#wakeUp();
  }

  /**
   * Sends what is owed, as it comes, until `stop`. Messages due together go in one `send` (the
   * route writes them at once: one socket write, not three); each resolves once the reader took them.
   */
  async run(send: (messages: readonly StreamMessage[]) => Promise<void>): Promise<void> {
    while (!this.#stopped) {
      const messages = await this.#due();
      if (messages.length > 0) await send(messages);
      else {
        const untilTasks = TASKS_EVERY_MS - (Date.now() - this.#tasksCheckedAt);
        await this.#sleep(this.#summaryDue ? Math.min(untilTasks, SUMMARY_EVERY_MS - (Date.now() - this.#summarySentAt)) : untilTasks);
      }
    }
  }

  async #due(): Promise<StreamMessage[]> {
    if (this.#reset) {
      const reason = this.#reset;
      this.#reset = undefined;
      this.#summaryDue = true;
      return [{ id: this.#eventId, event: EVENT_NAMES.reset, data: { reason } }];
    }
    const messages: StreamMessage[] = [];
    if (this.#owed.size > 0) {
      const ids = [...this.#owed];
      const activityOnly = new Set(this.#activityOnly);
      const eventId = this.#eventId;
      const shared = this.#owedIsEvent;
      this.#forgetOwed();
      const data = shared
        ? await this.deps.eventChanges(this.workspaceId, eventId, shared)
        : { changes: await readDeviceChanges(this.deps.db, this.workspaceId, ids, activityOnly) };
      messages.push({ id: eventId, event: EVENT_NAMES.devices, data });
    }
    // Only when nothing is owed, so its id is a resume point: a reader that has had no change yet
    // still resumes from where it was, or learns with `reset` that it cannot.
    if (this.#owed.size === 0 && this.#summaryDue && Date.now() - this.#summarySentAt >= SUMMARY_EVERY_MS) {
      this.#summaryDue = false;
      this.#summarySentAt = Date.now();
      const eventId = this.#eventId;
      messages.push({ id: eventId, event: EVENT_NAMES.summary, data: await this.deps.summary(this.workspaceId, eventId) });
      messages.push(await this.#activity(eventId));
    }
    if (Date.now() - this.#tasksCheckedAt >= TASKS_EVERY_MS) {
      this.#tasksCheckedAt = Date.now();
      const { signature, data } = await this.deps.tasks(this.workspaceId, this.#tasksCheckedAt);
      if (data.tasks.length > 0 && signature !== this.#tasksSent) messages.push({ event: EVENT_NAMES.tasks, data });
      this.#tasksSent = signature;
    }
    return messages;
  }

  async #activity(eventId: string): Promise<StreamMessage> {
    const now = Date.now();
    const minute = now - (now % MINUTE_MS);
    const span = this.#activitySentIn !== undefined && minute - this.#activitySentIn <= MINUTE_MS ? 'recent' : 'hour';
    const data = await this.deps.activity(this.workspaceId, eventId, now, span);
    this.#activitySentIn = minute;
    return { event: EVENT_NAMES.activity, data };
  }

  #forgetOwed(): void {
    this.#owed.clear();
    this.#activityOnly.clear();
    this.#owedIsEvent = undefined;
  }

  #sleep(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.#wakeUp(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
