import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchTargetResults } from '@/contracts/iotda-batch-task-details';
import type { DeviceRow } from '../db/schema';
import { useAppWithProduct } from '../test-support/app-with-product';
import { batchTaskCalls, iotdaIdOf } from '../test-support/batch-task-calls';
import { addDevice, addProduct } from '../test-support/fixtures';
import { TaskRunner } from './task-runner';

const made = useAppWithProduct();
let token = '';
beforeAll(async () => {
  token = await made.t.token();
});
const calls = batchTaskCalls(() => made.t, () => token);
const revisions = async (devices: readonly DeviceRow[]) =>
  (await made.t.db.selectFrom('devices').select(['id', 'revision']).where('id', 'in', devices.map((d) => d.id)).orderBy('id').execute()).map((r) => r.revision);
/** A runner of two devices a batch, to stop between batches. */
const smallBatches = (errors: unknown[] = []) => new TaskRunner({ db: made.t.db, dialect: made.t.dialect, onError: (error) => errors.push(error) }, 2);

async function freezeTask(count: number, over: Parameters<typeof addDevice>[2] = {}) {
  const devices: DeviceRow[] = [];
  for (let i = 0; i < count; i++) devices.push(await addDevice(made.t.db, made.product, over));
  const task = await calls.created({ task_name: 'freeze', task_type: 'freezeDevices', targets: devices.map((d) => iotdaIdOf(made.product, d)) });
  return { devices, task };
}

describe('a batch task run', () => {
  it('stops between batches: what was done stays done, the rest is never run', async () => {
    const { devices, task } = await freezeTask(5);
    const runner = smallBatches();
    expect(await runner.step()).toBe(true);
    expect((await calls.shown(task.task_id)).batchtask).toMatchObject({ status: 'Processing', task_progress: { success: 2, waitting: 3 } });

    const stop = await calls.control(task.task_id, 'stop');
    expect(stop.statusCode).toBe(200);
    expect(stop.json<BatchTargetResults>().targets).toEqual(devices.slice(2).map((d) => ({ target: iotdaIdOf(made.product, d), status: 'success' })));
    while (await runner.step());
    expect((await calls.shown(task.task_id)).batchtask).toMatchObject({ status: 'Stopped', task_progress: { success: 2, stopped: 3, waitting: 0 } });
    expect(await revisions(devices)).toEqual(devices.map((d, i) => d.revision + (i < 2 ? 1 : 0)));

    const again = await calls.control(task.task_id, 'stop');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error_code: 'IOTDA.014302', error_msg: expect.stringMatching(/Stopped/) });
  });

  it('retries the failed subtasks only, and says which targets it could not act on', async () => {
    const { devices, task } = await freezeTask(2);
    const child = await addDevice(made.t.db, made.product, { node_type: 2, parent_device_id: devices[0]!.id });
    const withChild = await calls.created({ task_name: 'with_child', task_type: 'freezeDevices', targets: [...devices, child].map((d) => iotdaIdOf(made.product, d)) });
    await calls.runAll();
    expect((await calls.shown(withChild.task_id)).batchtask.status).toBe('PartialSuccess');
    const before = await revisions(devices);

    // Made a direct device since: the retry can now freeze it.
    await made.t.db.updateTable('devices').set({ node_type: 0, parent_device_id: null }).where('id', '=', child.id).execute();
    const named = await calls.control(withChild.task_id, 'retry', { targets: [iotdaIdOf(made.product, child), iotdaIdOf(made.product, devices[0]!), '1_stranger'] });
    expect(named.json<BatchTargetResults>().targets).toEqual([
      { target: iotdaIdOf(made.product, child), status: 'success' },
      { target: iotdaIdOf(made.product, devices[0]!), status: 'failure', error_code: 'IOTDA.014303', error_msg: expect.stringMatching(/Success/) },
      { target: '1_stranger', status: 'failure', error_code: 'IOTDA.014303', error_msg: 'The device is not a target of this task.' },
    ]);
    await calls.runAll();
    expect((await calls.shown(withChild.task_id)).batchtask).toMatchObject({ status: 'Success', task_progress: { success: 3, fail: 0 } });
    expect(await revisions(devices)).toEqual(before);
    expect((await calls.control(task.task_id, 'retry')).json()).toMatchObject({ error_code: 'IOTDA.014302' });
  });

  it('rolls a batch back whole when the database fails in the middle of it, and runs it again later', async () => {
    const { devices, task } = await freezeTask(2);
    const failing = devices[1]!.id;
    const fail = made.t.dialect === 'sqlite'
      ? [sql`CREATE TRIGGER refuse_update BEFORE UPDATE ON devices WHEN NEW.id = ${sql.lit(failing)} BEGIN SELECT RAISE(ABORT, 'refused'); END`]
      : [
          sql`CREATE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql`,
          sql`CREATE TRIGGER refuse_update BEFORE UPDATE ON devices FOR EACH ROW WHEN (NEW.id = ${sql.lit(failing)}) EXECUTE FUNCTION refuse_update()`,
        ];
    for (const statement of fail) await statement.execute(made.t.db);
    const runner = smallBatches();
    await expect(runner.step()).rejects.toThrow(/refused/);
    expect((await calls.shown(task.task_id)).batchtask.task_progress).toMatchObject({ waitting: 2, success: 0 });
    expect(await revisions(devices)).toEqual(devices.map((d) => d.revision));

    await sql`DROP TRIGGER refuse_update${sql.raw(made.t.dialect === 'sqlite' ? '' : ' ON devices')}`.execute(made.t.db);
    while (await runner.step());
    expect((await calls.shown(task.task_id)).batchtask).toMatchObject({ status: 'Success', task_progress: { success: 2 } });
    expect(await revisions(devices)).toEqual(devices.map((d) => d.revision + 1));
  });

  it('runs a filter’s live devices first, so forcing a fleet offline ends its sessions early', async () => {
    const product = await addProduct(made.t.db);
    const idle = await addDevice(made.t.db, product);
    const live = await addDevice(made.t.db, product, { connected: 1, online_status: 1 });
    const task = await calls.created({ task_name: 'live_first', task_type: 'forceOfflineDevices', targets_filter: { product_id: String(product.id) } });
    const runner = new TaskRunner({ db: made.t.db, dialect: made.t.dialect, onError: (error) => expect(error).toBeUndefined() }, 1);
    await runner.step();
    expect((await calls.shown(task.task_id, '?task_detail_status=Success')).task_details.map((d) => d.target)).toEqual([iotdaIdOf(product, live)]);
    while (await runner.step());
    expect((await calls.shown(task.task_id)).task_details.map((d) => d.target)).toEqual([iotdaIdOf(product, idle), iotdaIdOf(product, live)]);
  });

  it('runs a task in the background once started, without being asked', async () => {
    const { devices, task } = await freezeTask(3);
    const errors: unknown[] = [];
    const runner = smallBatches(errors);
    runner.start();
    try {
      await expect.poll(async () => (await calls.shown(task.task_id)).batchtask.status, { timeout: 5_000 }).toBe('Success');
    } finally {
      await runner.close();
    }
    expect(errors).toEqual([]);
    expect(await revisions(devices)).toEqual(devices.map((d) => d.revision + 1));
  });
});
