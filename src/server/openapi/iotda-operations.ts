import { batchTargetResultsSchema, batchTargetsBodySchema, showBatchTaskQuerySchema, showBatchTaskResponseSchema } from '@/contracts/iotda-batch-task-details';
import { BATCH_TASK_CODES, batchTaskPathSchema, batchTaskSchema, createBatchTaskBodySchema, listBatchTasksQuerySchema, listBatchTasksResponseSchema } from '@/contracts/iotda-batch-tasks';
import { IOTDA_CODES, iotdaDevicePathSchema } from '@/contracts/iotda';
import { z } from 'zod/mini';
import type { Operation } from './operation';

const INVALID = `${IOTDA_CODES.invalidInput}: Invalid input data (the message names the field).`;
const NO_DEVICE = `${IOTDA_CODES.deviceNotFound}: the device does not exist (or is another tenant's).`;
const NO_TASK = `${BATCH_TASK_CODES.taskNotFound}: no task of that id in the project (ours).`;
const STATUS = `${BATCH_TASK_CODES.taskStatusConflict}: the task's status does not allow the call (ours).`;
const projectPath = z.pick(iotdaDevicePathSchema, { project_id: true });
const TASKS = '/v5/iot/{project_id}/batchtasks';
const tag = 'Batch tasks (IoTDA)';

const freeze = (frozen: boolean): Operation => ({
  method: 'post',
  path: `/v5/iot/{project_id}/devices/{device_id}/${frozen ? 'freeze' : 'unfreeze'}`,
  family: 'iotda',
  tag: 'Devices (IoTDA)',
  operationId: frozen ? 'freezeDevice' : 'unfreezeDevice',
  summary: frozen ? 'Freeze a Device (003)' : 'Unfreeze a Device',
  description: frozen
    ? 'A frozen device cannot connect; its live connection ends before the answer. Only devices that connect directly can be frozen. `Instance-Id` is accepted and ignored (one instance per workspace).'
    : 'Lifts the freeze; the device shows offline until it connects again.',
  role: 'operator',
  params: { path: iotdaDevicePathSchema },
  ok: { status: 204, description: 'No Content' },
  errors: { 400: [`${INVALID} A sub-device cannot be frozen.`], 404: [NO_DEVICE] },
});

const control = (action: 'stop' | 'retry'): Operation => ({
  method: 'post',
  path: `${TASKS}/{task_id}/${action}`,
  family: 'iotda',
  tag,
  operationId: `${action}BatchTask`,
  summary: action === 'stop' ? 'Stop a batch task' : 'Retry a batch task',
  description: action === 'stop' ? 'Stops the waiting subtasks named (all of them for `{}`).' : 'Runs the failed or stopped subtasks named (all of them for `{}`) again.',
  role: 'operator',
  params: { path: batchTaskPathSchema },
  body: { schema: batchTargetsBodySchema },
  ok: { status: 200, description: 'Each target, acted on or not with the reason.', schema: batchTargetResultsSchema },
  errors: { 400: [INVALID, STATUS], 404: [NO_TASK] },
});

/** IoTDA's device calls (003) and batch tasks (docs/batch-tasks-contract.md). */
export const IOTDA_OPERATIONS: Operation[] = [
  freeze(true),
  freeze(false),
  {
    method: 'post',
    path: TASKS,
    family: 'iotda',
    tag,
    operationId: 'createBatchTask',
    summary: 'Create a batch task',
    description: '`targets` (≤ 30,000 device ids) or `targets_filter` (the device list\'s own filter, resolved now); run in the background, resumable, one device never done twice.',
    role: 'operator',
    params: { path: projectPath },
    body: { schema: createBatchTaskBodySchema },
    ok: { status: 201, description: 'The task as stored.', schema: batchTaskSchema },
    errors: { 400: [INVALID, `${BATCH_TASK_CODES.limitOutOfRange}: a limit is out of range.`] },
  },
  {
    method: 'get',
    path: TASKS,
    family: 'iotda',
    tag,
    operationId: 'listBatchTasks',
    summary: 'List batch tasks',
    role: 'viewer',
    params: { path: projectPath, query: listBatchTasksQuerySchema },
    ok: { status: 200, description: 'Newest first, paged by marker.', schema: listBatchTasksResponseSchema },
    errors: { 400: [INVALID, `${BATCH_TASK_CODES.limitOutOfRange}: limit out of range.`] },
  },
  {
    method: 'get',
    path: `${TASKS}/{task_id}`,
    family: 'iotda',
    tag,
    operationId: 'showBatchTask',
    summary: 'Show a batch task and its per-device results',
    role: 'viewer',
    params: { path: batchTaskPathSchema, query: showBatchTaskQuerySchema },
    ok: { status: 200, description: 'The task, and a page of its subtasks.', schema: showBatchTaskResponseSchema },
    errors: { 400: [INVALID], 404: [NO_TASK] },
  },
  control('stop'),
  control('retry'),
];
