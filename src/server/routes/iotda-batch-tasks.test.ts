import { beforeAll, describe, expect, it } from 'vitest';
import { batchTaskSchema, listBatchTasksResponseSchema } from '@/contracts/iotda-batch-tasks';
import { showBatchTaskResponseSchema } from '@/contracts/iotda-batch-task-details';
import type { NewDeviceRow } from '../db/schema';
import { useAppWithProduct } from '../test-support/app-with-product';
import { batchTaskCalls, iotdaIdOf } from '../test-support/batch-task-calls';
import { addDevice, addProduct } from '../test-support/fixtures';
import { unchangedBy } from '../test-support/unchanged';

const made = useAppWithProduct();
let token = '';
beforeAll(async () => {
  token = await made.t.token();
});
const calls = batchTaskCalls(() => made.t, () => token);
const device = (over: Partial<NewDeviceRow> = {}) => addDevice(made.t.db, made.product, over);
const row = (id: number) => made.t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('POST /v5/iot/{project_id}/batchtasks (CreateBatchTask)', () => {
  it('stores a task on the devices named, runs it in the background, and reports each device', async () => {
    const [a, b] = [await device({ connected: 1, online_status: 1 }), await device()];
    const res = await calls.create({ task_name: 'freeze_two', task_type: 'freezeDevices', targets: [iotdaIdOf(made.product, a), iotdaIdOf(made.product, b), '1_nobody'] });
    expect(res.statusCode).toBe(201);
    const task = batchTaskSchema.parse(res.json());
    expect(task).toMatchObject({ task_name: 'freeze_two', task_type: 'freezeDevices', status: 'Waitting', created_user: 'admin', targets: [iotdaIdOf(made.product, a), iotdaIdOf(made.product, b), '1_nobody'] });
    expect(task.task_progress).toMatchObject({ total: 3, waitting: 2, fail: 1 });
    expect(task.create_time).toMatch(/^\d{8}T\d{6}Z$/);

    await calls.runAll();
    const shown = showBatchTaskResponseSchema.parse(await calls.shown(task.task_id));
    expect(shown.batchtask).toMatchObject({ status: 'PartialSuccess', task_progress: { total: 3, success: 2, fail: 1, waitting: 0 } });
    expect(shown.task_details).toEqual([
      { target: '1_nobody', status: 'Fail', error: { error_code: 'IOTDA.014000', error_msg: 'The device does not exist.' } },
      { target: iotdaIdOf(made.product, b), status: 'Success' },
      { target: iotdaIdOf(made.product, a), status: 'Success' },
    ]);
    expect(await row(a.id)).toMatchObject({ frozen: 1, connected: 0, online_status: 2, revision: a.revision + 1, last_updated_user: 'admin' });
    expect(await row(b.id)).toMatchObject({ frozen: 1, online_status: 2, revision: b.revision + 1 });
  });

  it('fixes the devices a filter matches when the task is created, and a filter that matches none has succeeded at once', async () => {
    const product = await addProduct(made.t.db);
    const online = [await addDevice(made.t.db, product, { connected: 1, online_status: 1 }), await addDevice(made.t.db, product, { connected: 1, online_status: 1 })];
    await addDevice(made.t.db, product, { online_status: 2 });
    const filter = { product_id: String(product.id), online_status: '1' };
    const task = await calls.created({ task_name: 'offline', task_type: 'forceOfflineDevices', targets_filter: filter });
    expect(task).toMatchObject({ targets_filter: filter, task_progress: { total: 2, waitting: 2 } });
    expect(task.targets).toBeUndefined();
    // Connected after the task was made: not one of its devices.
    const later = await addDevice(made.t.db, product, { connected: 1, online_status: 1 });
    await calls.runAll();
    expect((await calls.shown(task.task_id)).batchtask).toMatchObject({ status: 'Success', task_progress: { total: 2, success: 2 } });
    for (const d of online) expect(await row(d.id)).toMatchObject({ connected: 0, online_status: 2, revision: d.revision + 1 });
    expect(await row(later.id)).toMatchObject({ connected: 1, online_status: 1 });

    const none = await calls.created({ task_name: 'nothing', task_type: 'freezeDevices', targets_filter: { product_id: String(product.id), device_name: 'no-such-name' } });
    expect(none).toMatchObject({ status: 'Success', task_progress: { total: 0 } });
  });

  it('leaves out the devices of except_targets, which the operator unticked from a filter', async () => {
    const product = await addProduct(made.t.db);
    const [kept, unticked] = [await addDevice(made.t.db, product), await addDevice(made.t.db, product)];
    const task = await calls.created({ task_name: 'all_but_one', task_type: 'freezeDevices', targets_filter: { product_id: String(product.id), except_targets: [iotdaIdOf(product, unticked)] } });
    expect(task.task_progress.total).toBe(1);
    await calls.runAll();
    expect(await row(kept.id)).toMatchObject({ frozen: 1 });
    expect(await row(unticked.id)).toMatchObject({ frozen: 0, revision: unticked.revision });
  });

  it('fails a sub-device with the reason, and does nothing twice when two tasks name the same devices', async () => {
    const gateway = await device();
    const child = await device({ node_type: 2, parent_device_id: gateway.id });
    const targets = [iotdaIdOf(made.product, gateway), iotdaIdOf(made.product, child)];
    const first = await calls.created({ task_name: 'first', task_type: 'freezeDevices', targets });
    const second = await calls.created({ task_name: 'second', task_type: 'freezeDevices', targets });
    await calls.runAll();
    for (const task of [first, second]) {
      const shown = await calls.shown(task.task_id);
      expect(shown.batchtask.status).toBe('PartialSuccess');
      expect(shown.task_details.find((d) => d.target === targets[1])?.error?.error_msg).toMatch(/sub-device/);
    }
    // Frozen once: the second task found it frozen, which is done, not done again.
    expect(await row(gateway.id)).toMatchObject({ frozen: 1, revision: gateway.revision + 1 });
  });

  it.each([
    ['a task type IoTDA does not run here', { task_name: 'x', task_type: 'deleteDevices', targets: ['1_a'] }, 'IOTDA.000006', /task_type/],
    ['a name with a hyphen', { task_name: 'bad-name', task_type: 'freezeDevices', targets: ['1_a'] }, 'IOTDA.000006', /task_name/],
    ['more than 30,000 targets', { task_name: 'big', task_type: 'freezeDevices', targets: Array.from({ length: 30_001 }, (_, i) => `1_d${i}`) }, 'IOTDA.000006', /30000|30,000/],
    ['no targets of any kind', { task_name: 'empty', task_type: 'freezeDevices' }, 'IOTDA.000006', /targets/],
    ['an unknown filter', { task_name: 'f', task_type: 'freezeDevices', targets_filter: { colour: 'red' } }, 'IOTDA.000006', /colour/],
    ['a filter value the list refuses', { task_name: 'f', task_type: 'freezeDevices', targets_filter: { online_status: '7' } }, 'IOTDA.000006', /online_status/],
    ['a scheduled task', { task_name: 'later', task_type: 'freezeDevices', targets: ['1_a'], task_policy: { schedule_time: '20991212T121212Z' } }, 'IOTDA.000006', /schedule_time/],
  ])('refuses %s in IoTDA’s envelope and stores nothing', async (_case, body, code, message) => {
    const res = await unchangedBy(made.t.db, () => calls.create(body));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error_code: code, error_msg: expect.stringMatching(message), request_id: res.headers['x-request-id'] });
  });

  it('answers another tenant’s project and task as unknown', async () => {
    const res = await unchangedBy(made.t.db, () => calls.create({ task_name: 'x', task_type: 'freezeDevices', targets: ['1_a'] }, 'acme'));
    expect(res.statusCode).toBe(404);
    const acme = await made.t.token('acme-admin');
    const theirs = await made.t.app.inject({ method: 'POST', url: '/v5/iot/acme/batchtasks', headers: { 'x-auth-token': acme }, payload: { task_name: 'theirs', task_type: 'freezeDevices', targets: ['1_a'] } });
    expect(theirs.statusCode).toBe(201);
    const shown = await calls.show(theirs.json<{ task_id: string }>().task_id);
    expect(shown.statusCode).toBe(404);
    expect(shown.json()).toMatchObject({ error_code: 'IOTDA.014301' });
  });
});

describe('GET /v5/iot/{project_id}/batchtasks (ListBatchTasks)', () => {
  it('pages a type’s tasks newest first with a marker', async () => {
    const made3 = [];
    for (const name of ['u1', 'u2', 'u3']) made3.push(await calls.created({ task_name: name, task_type: 'unfreezeDevices', targets: ['1_a'] }));
    const first = listBatchTasksResponseSchema.parse((await calls.list('task_type=unfreezeDevices&limit=2')).json());
    expect(first.batchtasks.map((task) => task.task_name)).toEqual(['u3', 'u2']);
    expect(first.page).toEqual({ count: 3, marker: made3[1]!.task_id });
    const next = listBatchTasksResponseSchema.parse((await calls.list(`task_type=unfreezeDevices&limit=2&marker=${first.page.marker}`)).json());
    expect(next.batchtasks.map((task) => task.task_name)).toEqual(['u1']);
  });

  it('refuses a limit out of range with IoTDA’s own code, and a missing task type', async () => {
    expect((await calls.list('task_type=freezeDevices&limit=51')).json()).toMatchObject({ error_code: 'IOTDA.000017' });
    const res = await calls.list('limit=5');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error_code: 'IOTDA.000006', error_msg: expect.stringMatching(/task_type/) });
  });
});
