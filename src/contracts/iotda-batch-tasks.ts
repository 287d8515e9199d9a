import { z } from 'zod/mini';
import { IOTDA_CODES, iotdaDevicePathSchema } from './iotda';
import { deviceFilterQuerySchema } from './roma';

/**
 * Codes of the batch task calls, in IoTDA's `{error_code, error_msg}` envelope. IoTDA's pages for
 * these calls list only HTTP statuses and point to its shared error list; the cases that list
 * names no code for carry codes of ours (see docs/batch-tasks-contract.md).
 */
export const BATCH_TASK_CODES = {
  /** IoTDA list, 400 "Invalid input data.": a field outside its documented range. */
  invalidInput: IOTDA_CODES.invalidInput,
  /** IoTDA list, 400 "Invalid input. The specified parameter 'limit' is out of range." */
  limitOutOfRange: 'IOTDA.000017',
  /** A subtask's error when its target is no device of the workspace. */
  deviceNotFound: IOTDA_CODES.deviceNotFound,
  /** Ours, 404: no task of that id in the project. */
  taskNotFound: 'IOTDA.014301',
  /** Ours, 400: stop or retry while the task's status forbids it. */
  taskStatusConflict: 'IOTDA.014302',
  /** Ours, a failed stop/retry target: not a target of the task, or its subtask is not in a status the call acts on. */
  targetNotApplicable: 'IOTDA.014303',
} as const;

/** IoTDA's freezeDevices and unfreezeDevices, and ours, forceOfflineDevices (same shape). */
export const BATCH_TASK_TYPES = ['freezeDevices', 'unfreezeDevices', 'forceOfflineDevices'] as const;
export const batchTaskTypeSchema = z.enum(BATCH_TASK_TYPES, {
  error: (issue) =>
    issue.input === undefined ? 'task_type is required.' : `task_type must be one of ${BATCH_TASK_TYPES.join(', ')}.`,
});
export type BatchTaskType = z.infer<typeof batchTaskTypeSchema>;

/**
 * IoTDA Task `status` (and ListBatchTasks' `status` filter), spelled as IoTDA spells them
 * ("Waitting"): Initializing, Waitting, Processing, Success, Fail, PartialSuccess, Stopped, Stopping.
 */
export const BATCH_TASK_STATUSES = ['Initializing', 'Waitting', 'Processing', 'Success', 'Fail', 'PartialSuccess', 'Stopped', 'Stopping'] as const;
export const batchTaskStatusSchema = z.enum(BATCH_TASK_STATUSES);
export type BatchTaskStatus = z.infer<typeof batchTaskStatusSchema>;

/** IoTDA: task_id is at most 24 of lowercase a-f and digits (ours are always 24: a record id). */
export const batchTaskIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{1,24}$/, 'task_id is at most 24 characters of lowercase a-f and digits.'));

export const batchTaskPathSchema = z.object({
  project_id: iotdaDevicePathSchema.shape.project_id,
  task_id: batchTaskIdSchema,
});
export type BatchTaskPath = z.infer<typeof batchTaskPathSchema>;

/** A target is an IoTDA device_id: at most 128 of letters, digits, underscores and hyphens. */
export const batchTargetSchema = iotdaDevicePathSchema.shape.device_id;

/** IoTDA: app_id (resource space) is at most 36 of letters, digits, underscores and hyphens. */
export const appIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(36), z.regex(/^[A-Za-z0-9_-]+$/, 'app_id is at most 36 letters, digits, underscores (_) and hyphens (-).'));

/** IoTDA CreateBatchTask: task_name is at most 128 of Chinese characters, letters, digits and underscores. */
export const TASK_NAME_MAX = 128;
export const batchTaskNameSchema = z
  .string()
  .check(
    z.minLength(1, 'task_name is required.'),
    z.maxLength(TASK_NAME_MAX, `task_name is at most ${TASK_NAME_MAX} characters.`),
    z.regex(/^[\u4e00-\u9fa5A-Za-z0-9_]+$/, 'task_name may contain only Chinese characters, letters, digits and underscores (_).'),
  );

const COMPACT_UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** Whether the digits name a real instant: month 13 or 30 February do not. */
function isRealInstant(value: string): boolean {
  const iso = value.replace(COMPACT_UTC, '$1-$2-$3T$4:$5:$6.000Z');
  const at = new Date(iso);
  return !Number.isNaN(at.getTime()) && at.toISOString() === iso;
}

/** IoTDA's time format, yyyyMMdd'T'HHmmss'Z' in UTC, e.g. 20151212T121212Z. */
export const compactUtcSchema = z
  .string()
  .check(z.regex(COMPACT_UTC, "Times are yyyyMMdd'T'HHmmss'Z', e.g. 20151212T121212Z."), z.refine(isRealInstant, 'The time names no real date and time.'));

/**
 * IoTDA TaskPolicy. schedule_time: when to run, at most 7 days ahead (the service checks that: it
 * needs the clock); absent, at once. retry_count (at most 5) and retry_interval (minutes, at most
 * 1440) come together; absent, a failed subtask is not retried automatically.
 */
export const taskPolicySchema = z
  .object({
    schedule_time: z.optional(compactUtcSchema),
    retry_count: z.optional(z.int().check(z.minimum(0), z.maximum(5, 'retry_count is at most 5.'))),
    retry_interval: z.optional(z.int().check(z.minimum(0), z.maximum(1440, 'retry_interval is at most 1440 minutes.'))),
  })
  .check(
    z.refine((policy) => (policy.retry_count === undefined) === (policy.retry_interval === undefined), {
      message: 'retry_count and retry_interval are given together.',
      path: ['retry_interval'],
    }),
  );
export type TaskPolicy = z.infer<typeof taskPolicySchema>;

/** IoTDA CreateBatchTask: at most 30,000 device ids. */
export const BATCH_TASK_TARGETS_MAX = 30_000;
const targetsSchema = z.pipe(
  z
    .array(batchTargetSchema)
    .check(
      z.minLength(1, 'targets holds at least one device id.'),
      z.maxLength(BATCH_TASK_TARGETS_MAX, `targets holds at most ${BATCH_TASK_TARGETS_MAX} device ids.`),
    ),
  // A device named twice is still one subtask: no device is done twice.
  z.transform((ids: string[]) => [...new Set(ids)]),
);

type SentFilterShape = { [K in keyof typeof deviceFilterQuerySchema.shape]: z.ZodMiniOptional<z.ZodMiniString<string>> };
// One string per list filter: the filter is stored and echoed as sent, and read by the list's own schema.
const sentFilterShape = Object.fromEntries(
  Object.keys(deviceFilterQuerySchema.shape).map((key) => [key, z.optional(z.string())]),
) as SentFilterShape;

/**
 * The filter as sent and as echoed: the device list's own parameter names and query-string values,
 * e.g. `{"online_status": "1", "device_name": "pump"}`. IoTDA's one documented key, group_ids,
 * is refused: there are no device groups here. `{}` is every device of the workspace.
 */
export const sentTargetsFilterSchema = z.strictObject(
  {
    ...sentFilterShape,
    group_ids: z.optional(
      z.never({ error: 'targets_filter.group_ids is not supported: there are no device groups; filter by the device list parameters.' }),
    ),
    /** Ours: devices the filter matches that the task leaves alone (the operator unticked them), as IoTDA device ids. */
    except_targets: z.optional(
      z.array(batchTargetSchema).check(z.maxLength(BATCH_TASK_TARGETS_MAX, `targets_filter.except_targets holds at most ${BATCH_TASK_TARGETS_MAX} device ids.`)),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `targets_filter takes only the device list filters; unknown: ${issue.keys.join(', ')}.` : undefined,
  },
);

/** The sent filter, its values checked by the device list's own schema. */
const targetsFilterSchema = sentTargetsFilterSchema.check(
  z.superRefine((filter, ctx) => {
    const parsed = deviceFilterQuerySchema.safeParse(filter);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }),
);

/**
 * IoTDA CreateBatchTask body, for our task types. Fields IoTDA reads only for other types
 * (document, task_mode, need_confirm, task_ext_info) are dropped. document_source is accepted
 * so that IoTDA's precedence holds, but batch task files are not supported.
 */
const createBatchTaskFieldsSchema = z.object({
  app_id: z.optional(appIdSchema),
  task_name: batchTaskNameSchema,
  task_type: batchTaskTypeSchema,
  targets: z.optional(targetsSchema),
  targets_filter: z.optional(targetsFilterSchema),
  document_source: z.optional(z.string()),
  task_policy: z.optional(taskPolicySchema),
});
export const createBatchTaskBodySchema = z.pipe(
  createBatchTaskFieldsSchema,
  z.transform(({ targets, targets_filter, document_source, ...task }: z.output<typeof createBatchTaskFieldsSchema>, ctx) => {
    // IoTDA: when several are sent only one applies: targets, else targets_filter, else document_source.
    if (targets) return { ...task, selection: { by: 'targets' as const, targets } };
    if (targets_filter) {
      const { except_targets: except = [], ...listFilter } = targets_filter;
      const filter = deviceFilterQuerySchema.parse(listFilter);
      return { ...task, selection: { by: 'targets_filter' as const, targets_filter, filter, except } };
    }
    // zod/mini's transform has no addIssue: the issue goes on the payload as addIssue would put it.
    ctx.issues.push(
      document_source === undefined
        ? { code: 'custom', message: 'targets or targets_filter is required.', path: [], input: ctx.value }
        : { code: 'custom', message: 'document_source (a batch task file) is not supported; send targets or targets_filter.', path: ['document_source'], input: ctx.value },
    );
    return z.NEVER;
  }),
);
export type CreateBatchTaskBody = z.input<typeof createBatchTaskBodySchema>;
export type CreateBatchTaskRequest = z.output<typeof createBatchTaskBodySchema>;
/** What a task acts on, once IoTDA's precedence has chosen among the kinds of target sent. */
export type TargetSelection = CreateBatchTaskRequest['selection'];

const count = z.int().check(z.nonnegative());
/** IoTDA TaskProgress: subtasks per status; `waitting` is IoTDA's spelling. */
export const taskProgressSchema = z.object({
  total: count,
  processing: count,
  success: count,
  fail: count,
  waitting: count,
  fail_wait_retry: count,
  stopped: count,
  removed: count,
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

/** IoTDA Task: CreateBatchTask's 201 body, ListBatchTasks' items, ShowBatchTask's `batchtask`. */
export const batchTaskSchema = z.object({
  task_id: batchTaskIdSchema,
  task_name: z.string(),
  task_type: batchTaskTypeSchema,
  targets: z.optional(z.array(z.string())),
  targets_filter: z.optional(sentTargetsFilterSchema),
  task_policy: z.optional(taskPolicySchema),
  status: batchTaskStatusSchema,
  /** IoTDA: the status described, with the task's own failure where it failed as a whole. */
  status_desc: z.optional(z.string()),
  task_progress: taskProgressSchema,
  create_time: compactUtcSchema,
  /** Ours (this service always sends it): who created the task, so every operator sees who started a run. */
  created_user: z.optional(z.string()),
});
export type BatchTask = z.infer<typeof batchTaskSchema>;

const MARKER_START = 'ffffffffffffffffffffffff';
/**
 * IoTDA ListBatchTasks and ShowBatchTask paging. Records come newest first (larger ids are newer);
 * marker (24 hex, default ffff…) is the last id of the previous page and only smaller ids follow;
 * offset (0-500, default 0) skips records after the marker; limit is 1-50 (default 10).
 */
export const pagingQuerySchema = z.object({
  limit: z._default(
    z.optional(
      z.pipe(
        z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'limit is an integer from 1 to 50.')), z.transform(Number)),
        z.int().check(z.minimum(1, 'limit is an integer from 1 to 50.'), z.maximum(50, 'limit is an integer from 1 to 50.')),
      ),
    ),
    10,
  ),
  marker: z._default(
    z.optional(
      z.pipe(
        z.string().check(z.regex(/^[0-9a-fA-F]{24}$/, 'marker is a hexadecimal string of 24 characters.')),
        z.transform((marker: string) => marker.toLowerCase()),
      ),
    ),
    MARKER_START,
  ),
  offset: z._default(
    z.optional(
      z.pipe(
        z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'offset is an integer from 0 to 500.')), z.transform(Number)),
        z.int().check(z.maximum(500, 'offset is an integer from 0 to 500.')),
      ),
    ),
    0,
  ),
});

/** IoTDA Page: `count` matching records; `marker`, the last record's id on this page (absent when empty). */
export const pageSchema = z.object({ count, marker: z.optional(z.string()) });
export type Page = z.infer<typeof pageSchema>;

/** IoTDA ListBatchTasks query: task_type is mandatory there, and stays so. */
export const listBatchTasksQuerySchema = z.extend(pagingQuerySchema, {
  app_id: z.optional(appIdSchema),
  task_type: batchTaskTypeSchema,
  status: z.optional(batchTaskStatusSchema),
});
export type ListBatchTasksQuery = z.input<typeof listBatchTasksQuerySchema>;
export type ListBatchTasksParams = z.output<typeof listBatchTasksQuerySchema>;

export const listBatchTasksResponseSchema = z.object({ batchtasks: z.array(batchTaskSchema), page: pageSchema });
export type ListBatchTasksResponse = z.infer<typeof listBatchTasksResponseSchema>;

/** The event stream's `tasks` event (console-events.ts): the workspace's running and recent tasks. */
export const tasksEventSchema = z.object({ tasks: z.array(batchTaskSchema) });
export type TasksEvent = z.infer<typeof tasksEventSchema>;
