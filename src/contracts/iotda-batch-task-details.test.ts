import { describe, expect, it } from 'vitest';
import {
  BATCH_TARGETS_MAX,
  batchTargetResultsSchema,
  batchTargetsBodySchema,
  RETRY_ACTS_ON,
  RETRY_REFUSED_WHILE,
  showBatchTaskQuerySchema,
  showBatchTaskResponseSchema,
  STOP_ACTS_ON,
  STOP_REFUSED_WHILE,
} from './iotda-batch-task-details';
import { BATCH_TASK_CODES, BATCH_TASK_STATUSES } from './iotda-batch-tasks';

// StopBatchTask's example target, as IoTDA's reference writes it.
const DEVICE = 'e495cf17-ff79-4294-8f64-4d367919d665';

describe('ShowBatchTask query', () => {
  it("pages subtasks as IoTDA does, with its defaults", () => {
    expect(showBatchTaskQuerySchema.parse({})).toEqual({ limit: 10, marker: 'ffffffffffffffffffffffff', offset: 0 });
    expect(showBatchTaskQuerySchema.parse({ task_detail_status: 'FailWaitRetry', target: DEVICE, limit: '50', offset: '500' })).toMatchObject({
      task_detail_status: 'FailWaitRetry',
      target: DEVICE,
      limit: 50,
      offset: 500,
    });
  });

  it("refuses subtask statuses IoTDA does not spell that way, bad targets and paging out of range", () => {
    for (const task_detail_status of ['Waiting', 'PartialSuccess', 'success']) {
      expect(showBatchTaskQuerySchema.safeParse({ task_detail_status }).success).toBe(false);
    }
    for (const target of ['pump/1', 'a'.repeat(129)]) expect(showBatchTaskQuerySchema.safeParse({ target }).success).toBe(false);
    expect(showBatchTaskQuerySchema.safeParse({ limit: '51' }).success).toBe(false);
    expect(showBatchTaskQuerySchema.safeParse({ marker: 'ffff' }).success).toBe(false);
  });
});

describe('ShowBatchTask answer', () => {
  const answer = {
    batchtask: {
      task_id: '5c22e3e5bc7d6fce0a7d9fd5',
      task_name: 'task123',
      task_type: 'forceOfflineDevices',
      targets: [DEVICE, 'pump_2'],
      status: 'PartialSuccess',
      status_desc: 'One of 2 devices failed.',
      task_progress: { total: 2, processing: 0, success: 1, fail: 1, waitting: 0, fail_wait_retry: 0, stopped: 0, removed: 0 },
      create_time: '20151212T121212Z',
    },
    task_details: [
      { target: DEVICE, status: 'Success', output: 'The device is offline.' },
      { target: 'pump_2', status: 'Fail', error: { error_code: BATCH_TASK_CODES.deviceNotFound, error_msg: 'The device does not exist.' } },
    ],
    page: { count: 2, marker: '5c22e3e5bc7d6fce0a7d9fd7' },
  };

  it("accepts IoTDA's answer shape: the task, its subtasks and the page", () => {
    expect(showBatchTaskResponseSchema.parse(answer)).toEqual(answer);
  });

  it('refuses a subtask without a status IoTDA knows, or an error without its code', () => {
    const detail = (d: unknown) => showBatchTaskResponseSchema.safeParse({ ...answer, task_details: [d] }).success;
    expect(detail({ target: DEVICE, status: 'Done' })).toBe(false);
    expect(detail({ target: DEVICE, status: 'Fail', error: { error_msg: 'why' } })).toBe(false);
  });
});

describe('StopBatchTask and RetryBatchTask', () => {
  it("accept IoTDA's example bodies: {} for every subtask, or a list of targets", () => {
    expect(batchTargetsBodySchema.parse({})).toEqual({});
    expect(batchTargetsBodySchema.parse({ targets: [DEVICE] })).toEqual({ targets: [DEVICE] });
  });

  it('refuse more than 100 targets, an empty list and ids IoTDA would refuse', () => {
    const most = Array.from({ length: BATCH_TARGETS_MAX }, (_, i) => `pump_${i}`);
    expect(batchTargetsBodySchema.safeParse({ targets: most }).success).toBe(true);
    expect(batchTargetsBodySchema.safeParse({ targets: [...most, 'one_more'] }).error?.issues[0]?.message).toBe('targets holds at most 100 device ids.');
    expect(batchTargetsBodySchema.safeParse({ targets: [] }).success).toBe(false);
    expect(batchTargetsBodySchema.safeParse({ targets: ['pump 1'] }).success).toBe(false);
  });

  it("accept IoTDA's answer shape, one result per target", () => {
    const answer = {
      targets: [
        { target: DEVICE, status: 'failure', error_code: 'IOTDA.014219', error_msg: 'The subtask cannot be stopped.' },
        { target: 'pump_2', status: 'success' },
      ],
    };
    expect(batchTargetResultsSchema.parse(answer)).toEqual(answer);
    expect(batchTargetResultsSchema.safeParse({ targets: [{ target: DEVICE, status: 'failed' }] }).success).toBe(false);
  });

  it("follow IoTDA's rules on which task statuses refuse the call and which subtasks {} acts on", () => {
    expect(BATCH_TASK_STATUSES.filter((s) => !(STOP_REFUSED_WHILE as readonly string[]).includes(s))).toEqual(['Initializing', 'Waitting', 'Processing']);
    expect(BATCH_TASK_STATUSES.filter((s) => !(RETRY_REFUSED_WHILE as readonly string[]).includes(s))).toEqual(['Processing', 'Fail', 'PartialSuccess']);
    expect([...STOP_ACTS_ON].sort()).toEqual(['FailWaitRetry', 'Processing', 'Waitting']);
    expect([...RETRY_ACTS_ON].sort()).toEqual(['Fail', 'FailWaitRetry', 'Stopped']);
  });
});
