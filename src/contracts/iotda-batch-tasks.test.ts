import { describe, expect, it } from 'vitest';
import { IOTDA_CODES } from './iotda';
import {
  BATCH_TASK_CODES,
  BATCH_TASK_TARGETS_MAX,
  batchTaskPathSchema,
  batchTaskSchema,
  createBatchTaskBodySchema,
  listBatchTasksQuerySchema,
  listBatchTasksResponseSchema,
  TASK_NAME_MAX,
} from './iotda-batch-tasks';

// Values from IoTDA's reference pages: the id its examples use for a device (StopBatchTask) and for a
// group (targets_filter), the time of TaskPolicy and Task, and the resource space id of its examples.
const EXAMPLE_ID = 'e495cf17-ff79-4294-8f64-4d367919d665';
const DEVICE = EXAMPLE_ID;
const TIME = '20151212T121212Z';
const APP = 'jeQDJQZltU8iKgFFoW060F5SGZka';

const body = (fields: Record<string, unknown>) => ({ task_name: 'task123', task_type: 'freezeDevices', targets: [DEVICE], ...fields });
const firstMessage = (value: unknown) => createBatchTaskBodySchema.safeParse(value).error?.issues[0]?.message;

describe('CreateBatchTask body', () => {
  it("accepts IoTDA's body shape with its example values, for each task type we run", () => {
    for (const task_type of ['freezeDevices', 'unfreezeDevices', 'forceOfflineDevices']) {
      const parsed = createBatchTaskBodySchema.parse({
        app_id: APP,
        task_name: 'task123',
        task_type,
        targets: [DEVICE],
        task_policy: { schedule_time: TIME, retry_count: 5, retry_interval: 60 },
      });
      expect(parsed).toEqual({
        app_id: APP,
        task_name: 'task123',
        task_type,
        task_policy: { schedule_time: TIME, retry_count: 5, retry_interval: 60 },
        selection: { by: 'targets', targets: [DEVICE] },
      });
    }
  });

  it("refuses IoTDA's other task types and unknown ones", () => {
    for (const task_type of ['firmwareUpgrade', 'deleteDevices', 'createCommands', 'freezedevices', '']) {
      expect(firstMessage(body({ task_type }))).toMatch(/task_type must be one of/);
    }
    expect(firstMessage({ task_name: 'task123', targets: [DEVICE] })).toBe('task_type is required.');
  });

  it('takes task_name of up to 128 Chinese characters, letters, digits and underscores', () => {
    for (const task_name of ['冻结任务_1', 'a'.repeat(TASK_NAME_MAX), '_']) expect(createBatchTaskBodySchema.safeParse(body({ task_name })).success).toBe(true);
    expect(firstMessage(body({ task_name: 'a'.repeat(TASK_NAME_MAX + 1) }))).toBe('task_name is at most 128 characters.');
    for (const task_name of ['freeze pumps', 'freeze-pumps', 'pumps!', 'ünfreeze']) {
      expect(firstMessage(body({ task_name }))).toMatch(/only Chinese characters, letters, digits and underscores/);
    }
    expect(firstMessage(body({ task_name: '' }))).toBe('task_name is required.');
  });

  it('takes up to 30,000 device ids as targets and counts a device named twice once', () => {
    const most = Array.from({ length: BATCH_TASK_TARGETS_MAX }, (_, i) => `pump_${i}`);
    expect(createBatchTaskBodySchema.parse(body({ targets: most })).selection).toEqual({ by: 'targets', targets: most });
    expect(firstMessage(body({ targets: [...most, 'one_more'] }))).toBe('targets holds at most 30000 device ids.');
    expect(createBatchTaskBodySchema.parse(body({ targets: [DEVICE, 'b', DEVICE] })).selection).toEqual({ by: 'targets', targets: [DEVICE, 'b'] });
    expect(firstMessage(body({ targets: [] }))).toBe('targets holds at least one device id.');
    for (const id of ['pump/1', 'a'.repeat(129), '']) expect(createBatchTaskBodySchema.safeParse(body({ targets: [id] })).success).toBe(false);
  });

  it("takes the device list's own filters, in its parameter names and value formats", () => {
    const targets_filter = { online_status: '1', device_name: 'pump' };
    expect(createBatchTaskBodySchema.parse(body({ targets: undefined, targets_filter })).selection).toEqual({
      by: 'targets_filter',
      targets_filter,
      filter: { online_status: [1], device_name: 'pump' },
      except: [],
    });
    const unticked = { online_status: '1', except_targets: [EXAMPLE_ID] };
    expect(createBatchTaskBodySchema.parse(body({ targets: undefined, targets_filter: unticked })).selection).toMatchObject({ filter: { online_status: [1] }, except: [EXAMPLE_ID] });
    const everyKind = { online_status: '1,2', node_type: '0', status: '0', frozen: 'false', product_id: '7', node_id: 'a,b', tag: 'north' };
    expect(createBatchTaskBodySchema.safeParse(body({ targets: undefined, targets_filter: everyKind })).success).toBe(true);
  });

  it('refuses filters the device list would refuse, values not sent as query strings, and keys it does not know', () => {
    const filtered = (targets_filter: unknown) => body({ targets: undefined, targets_filter });
    expect(createBatchTaskBodySchema.safeParse(filtered({ online_status: '3' })).error?.issues[0]?.path).toEqual(['targets_filter', 'online_status', 0]);
    expect(createBatchTaskBodySchema.safeParse(filtered({ online_status: 1 })).success).toBe(false);
    expect(firstMessage(filtered({ sort: '-id', limit: '10' }))).toBe('targets_filter takes only the device list filters; unknown: sort, limit.');
    expect(firstMessage(filtered({ group_ids: [EXAMPLE_ID] }))).toMatch(/group_ids is not supported/);
  });

  it("keeps IoTDA's precedence: targets, then targets_filter, then document_source", () => {
    const all = body({ targets: [DEVICE], targets_filter: { status: '1' }, document_source: 'file_1' });
    expect(createBatchTaskBodySchema.parse(all).selection).toEqual({ by: 'targets', targets: [DEVICE] });
    const noTargets = body({ targets: undefined, targets_filter: { status: '1' }, document_source: 'file_1' });
    expect(createBatchTaskBodySchema.parse(noTargets).selection).toMatchObject({ by: 'targets_filter', filter: { status: 1 } });
    expect(createBatchTaskBodySchema.safeParse(body({ targets: undefined, document_source: 'file_1' })).error?.issues[0]).toMatchObject({
      path: ['document_source'],
      message: expect.stringMatching(/not supported/),
    });
    expect(firstMessage(body({ targets: undefined }))).toBe('targets or targets_filter is required.');
  });

  it("refuses a task policy outside IoTDA's limits", () => {
    const policy = (task_policy: unknown) => createBatchTaskBodySchema.safeParse(body({ task_policy })).success;
    expect(policy({ retry_count: 0, retry_interval: 0 })).toBe(true);
    expect(policy({ retry_count: 6, retry_interval: 60 })).toBe(false);
    expect(policy({ retry_count: 5, retry_interval: 1441 })).toBe(false);
    expect(policy({ retry_count: 5 })).toBe(false);
    expect(policy({ retry_interval: 60 })).toBe(false);
    for (const schedule_time of ['2015-12-12T12:12:12Z', '20151312T121212Z', '20150230T121212Z', '20151212T121212']) {
      expect(policy({ schedule_time })).toBe(false);
    }
  });

  it('refuses an app_id IoTDA would refuse', () => {
    expect(createBatchTaskBodySchema.safeParse(body({ app_id: 'a'.repeat(37) })).success).toBe(false);
    expect(createBatchTaskBodySchema.safeParse(body({ app_id: 'space 1' })).success).toBe(false);
  });
});

describe('ListBatchTasks query', () => {
  it("defaults IoTDA's paging: limit 10, marker ffffffffffffffffffffffff, offset 0", () => {
    expect(listBatchTasksQuerySchema.parse({ task_type: 'freezeDevices' })).toEqual({
      task_type: 'freezeDevices',
      limit: 10,
      marker: 'ffffffffffffffffffffffff',
      offset: 0,
    });
  });

  it('keeps task_type mandatory, as IoTDA does', () => {
    expect(listBatchTasksQuerySchema.safeParse({}).error?.issues[0]?.message).toBe('task_type is required.');
  });

  it('takes limit 1-50, offset 0-500 and a 24-character hexadecimal marker', () => {
    const query = (q: Partial<Record<'limit' | 'offset' | 'marker', string>>) => listBatchTasksQuerySchema.safeParse({ task_type: 'unfreezeDevices', ...q });
    for (const q of [{ limit: '1' }, { limit: '50' }, { offset: '500' }, { marker: '5c22e3e5bc7d6fce0a7d9fd5' }]) expect(query(q).success).toBe(true);
    expect(query({ marker: '5C22E3E5BC7D6FCE0A7D9FD5' }).data?.marker).toBe('5c22e3e5bc7d6fce0a7d9fd5');
    for (const q of [{ limit: '0' }, { limit: '51' }, { limit: '-1' }, { limit: '1.5' }, { offset: '501' }, { offset: '-1' }]) expect(query(q).success).toBe(false);
    for (const marker of ['5c22e3e5bc7d6fce0a7d9fd', '5c22e3e5bc7d6fce0a7d9fd55', 'zc22e3e5bc7d6fce0a7d9fd5']) expect(query({ marker }).success).toBe(false);
  });

  it("filters by status in IoTDA's spelling", () => {
    const status = (s: string) => listBatchTasksQuerySchema.safeParse({ task_type: 'freezeDevices', status: s }).success;
    for (const s of ['Initializing', 'Waitting', 'Processing', 'Success', 'Fail', 'PartialSuccess', 'Stopped', 'Stopping']) expect(status(s)).toBe(true);
    expect(status('Waiting')).toBe(false);
    expect(status('success')).toBe(false);
  });
});

const task = {
  task_id: '5c22e3e5bc7d6fce0a7d9fd5',
  task_name: 'task123',
  task_type: 'freezeDevices',
  targets: [DEVICE],
  task_policy: { schedule_time: TIME, retry_count: 5, retry_interval: 60 },
  status: 'Success',
  status_desc: 'status desc',
  task_progress: { total: 1, processing: 0, success: 1, fail: 0, waitting: 0, fail_wait_retry: 0, stopped: 0, removed: 0 },
  create_time: TIME,
};

describe('the task in answers', () => {
  it("accepts IoTDA's Task shape, as CreateBatchTask and ListBatchTasks answer it", () => {
    expect(batchTaskSchema.parse(task)).toEqual(task);
    const filtered = { ...task, targets: undefined, targets_filter: { online_status: '1', device_name: 'pump' } };
    expect(listBatchTasksResponseSchema.parse({ batchtasks: [filtered], page: { count: 1, marker: task.task_id } }).batchtasks[0]?.targets_filter).toEqual(
      filtered.targets_filter,
    );
  });

  it('refuses a progress without IoTDA\'s "waitting" spelling, and a create_time in another format', () => {
    const { waitting: _, ...progress } = task.task_progress;
    expect(batchTaskSchema.safeParse({ ...task, task_progress: { ...progress, waiting: 0 } }).success).toBe(false);
    expect(batchTaskSchema.safeParse({ ...task, create_time: '2015-12-12T12:12:12Z' }).success).toBe(false);
  });

  it('takes task_id of at most 24 lowercase hexadecimal characters', () => {
    const path = (task_id: string) => batchTaskPathSchema.safeParse({ project_id: 'default', task_id }).success;
    expect(path('5c22e3e5bc7d6fce0a7d9fd5')).toBe(true);
    for (const id of ['5c22e3e5bc7d6fce0a7d9fd55', '5C22E3E5BC7D6FCE0A7D9FD5', 'task-1', '']) expect(path(id)).toBe(false);
  });
});

describe('BATCH_TASK_CODES', () => {
  it("reuses iotda.ts for IoTDA's invalid input and missing device", () => {
    expect(BATCH_TASK_CODES.invalidInput).toBe(IOTDA_CODES.invalidInput);
    expect(BATCH_TASK_CODES.deviceNotFound).toBe(IOTDA_CODES.deviceNotFound);
    expect(new Set(Object.values(BATCH_TASK_CODES)).size).toBe(Object.keys(BATCH_TASK_CODES).length);
  });
});
