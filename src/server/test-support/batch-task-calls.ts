import type { BatchTask, CreateBatchTaskBody } from '@/contracts/iotda-batch-tasks';
import type { ShowBatchTaskResponse } from '@/contracts/iotda-batch-task-details';
import type { ProductRow } from '../db/schema';
import type { TestApp } from './test-app';

/** The IoTDA batch task calls of a test app, as a signed-in admin of workspace `default` makes them. */
export function batchTaskCalls(app: () => TestApp, token: () => string) {
  const headers = () => ({ 'x-auth-token': token() });
  const base = (project = 'default') => `/v5/iot/${project}/batchtasks`;
  const create = (body: CreateBatchTaskBody | Record<string, unknown>, project?: string) => app().app.inject({ method: 'POST', url: base(project), headers: headers(), payload: body });
  const created = async (body: CreateBatchTaskBody): Promise<BatchTask> => {
    const res = await create(body);
    if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
    return res.json<BatchTask>();
  };
  const show = (taskId: string, query = '') => app().app.inject({ method: 'GET', url: `${base()}/${taskId}${query}`, headers: headers() });
  const shown = async (taskId: string, query = ''): Promise<ShowBatchTaskResponse> => (await show(taskId, query)).json<ShowBatchTaskResponse>();
  const list = (query: string) => app().app.inject({ method: 'GET', url: `${base()}?${query}`, headers: headers() });
  const control = (taskId: string, action: 'stop' | 'retry', payload: object = {}) =>
    app().app.inject({ method: 'POST', url: `${base()}/${taskId}/${action}`, headers: headers(), payload });
  /** Runs the runner's batches until no task is left running. */
  const runAll = async () => {
    while (await app().tasks.step());
  };
  return { create, created, show, shown, list, control, runAll };
}

/** IoTDA's name of a device: `{product_id}_{node_id}`. */
export const iotdaIdOf = (product: ProductRow, device: { node_id: string }) => `${product.id}_${device.node_id}`;
