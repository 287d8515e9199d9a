import { expect, type APIRequestContext } from '@playwright/test';
import type { BatchTask, CreateBatchTaskBody } from '../../src/contracts/iotda-batch-tasks';
import { authToken } from './api-token';

const TASKS = '/v5/iot/default/batchtasks';

/** A task name of IoTDA's alphabet no other run of the spec has used. */
export const uniqueTaskName = (prefix: string): string => `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

/** Creates a batch task as the device list or any IoTDA client would (CreateBatchTask). */
export async function createTask(request: APIRequestContext, body: CreateBatchTaskBody): Promise<BatchTask> {
  const res = await request.post(TASKS, { data: body, headers: { 'x-auth-token': await authToken(request) } });
  expect(res.status()).toBe(201);
  return (await res.json()) as BatchTask;
}

export async function readTask(request: APIRequestContext, taskId: string): Promise<BatchTask> {
  const res = await request.get(`${TASKS}/${taskId}`, { params: { limit: '1' }, headers: { 'x-auth-token': await authToken(request) } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { batchtask: BatchTask }).batchtask;
}

const RUNNING = ['Initializing', 'Waitting', 'Processing', 'Stopping'];

/** The task once the service finished it: the runner is fast, but other specs' tasks may be ahead of it. */
export async function finishedTask(request: APIRequestContext, taskId: string): Promise<BatchTask> {
  await expect.poll(async () => (await readTask(request, taskId)).status, { timeout: 20_000 }).not.toMatch(new RegExp(`^(${RUNNING.join('|')})$`));
  return readTask(request, taskId);
}
