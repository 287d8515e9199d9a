import { z } from 'zod/mini';
import { connectionActivitySchema, deviceSummarySchema } from './console';
import { deviceSchema } from './device';

/**
 * The console's change stream (DESIGN.md "Live console"):
 * `GET /console/v1/projects/{project_id}/instances/{instance_id}/events`, Server-Sent Events.
 */
export const EVENT_NAMES = {
  /** `data`: DevicesEvent. The event's id resumes the stream (`Last-Event-ID`). */
  devices: 'devices',
  /** `data`: the fleet summary of the workspace, unfiltered. Its id, like a `devices` event's, resumes the stream. */
  summary: 'summary',
  /**
   * `data`: ConnectionActivity, counted as the summary is (sent after it): the whole hour when the
   * stream opens or the reader missed a minute's end, else the minute before and the current one.
   * Each minute's counts replace what the reader held of it.
   */
  activity: 'activity',
  /** `data`: ResetEvent. The changes since the reader's `Last-Event-ID` are no longer known: read everything again. */
  reset: 'reset',
  /**
   * `data`: TasksEvent (in iotda-batch-tasks.ts, so the console's first load does without it), at
   * most once a second and only when it changed: the workspace's batch tasks that are running or
   * changed in the last few seconds, as they are now. A reader replaces what it holds of each by task_id.
   */
  tasks: 'tasks',
} as const;

/**
 * A device as it is now, in the device's own field names, so a reader merges it into what it holds.
 * Only the fields a list row or a device page's state shows; `deleted` when the device is gone;
 * `{id, last_active_time}` alone when nothing else changed (most changes of a live fleet).
 */
const wholeDeviceChangeSchema = z.extend(
  z.pick(deviceSchema, {
    id: true,
    device_name: true,
    status: true,
    online_status: true,
    frozen: true,
    connected: true,
    last_active_time: true,
    last_login_datetime: true,
    last_updated_datetime: true,
    client_ip: true,
    tags: true,
  }),
  {
    /** The device's revision (its ETag): a reader keeps whichever of two states has the higher one. */
    revision: z.int(),
  },
);

/**
 * A device that only reported or sent traffic since the reader last had it: the reader holds the
 * rest of its state as it is. Strict, and tried first: it is most of what a live fleet sends, and
 * a union that fails a whole device's schema on each of them costs the console a frame.
 */
const activityChangeSchema = z.strictObject({ id: z.int(), last_active_time: z.int() });

export const deviceChangeSchema = z.union([
  z.union([activityChangeSchema, wholeDeviceChangeSchema]),
  z.object({ id: z.int(), deleted: z.literal(true) }),
]);
export type DeviceChange = z.infer<typeof deviceChangeSchema>;
/** A change that carries the device's whole state. */
export type WholeDeviceChange = Extract<DeviceChange, { revision: number }>;

export const devicesEventSchema = z.object({ changes: z.array(deviceChangeSchema) });
export type DevicesEvent = z.infer<typeof devicesEventSchema>;

export const summaryEventSchema = deviceSummarySchema;

export const activityEventSchema = connectionActivitySchema;

export const resetEventSchema = z.object({
  reason: z.enum(['unknown last event id', 'reader too slow', 'changes missed']),
});
export type ResetEvent = z.infer<typeof resetEventSchema>;
