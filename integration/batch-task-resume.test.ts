import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBJECT_TOKEN_HEADER } from '@/contracts/auth';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { openDatabase } from '@/server/db/connect';
import { throwawayPostgres } from '@/server/test-support/test-app';
import { ADMIN_PASSWORD, ADMIN_USER } from '../e2e/support/config';
import { ownService } from '../e2e/support/own-service';

/** Beside the e2e suite's services (8931-8934), which may run at the same time. */
const PORT = 8936;
const DEVICES = 30_000;
const ENDED = ['Success', 'Fail', 'PartialSuccess', 'Stopped'];

async function json<T>(response: Promise<Response>): Promise<T> {
  const res = await response;
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The service is killed (SIGKILL: no shutdown, a batch possibly half-written) in the middle of a
 * task over every device, and started again: the task resumes by itself and ends with each
 * device done exactly once, on the embedded database or PostgreSQL as the suite runs.
 */
describe('a batch task whose service is killed in the middle', () => {
  it('resumes after the restart and does no device twice', async () => {
    const postgres = process.env.TEST_DATABASE_URL ? await throwawayPostgres(process.env.TEST_DATABASE_URL) : undefined;
    const dataDir = path.join(tmpdir(), `device-console-task-resume-${process.pid}`);
    const service = await ownService({ port: PORT, dataDir, seedDevices: DEVICES, databaseUrl: postgres?.url });
    const database = openDatabase(postgres ? { databaseUrl: postgres.url } : { sqlitePath: path.join(dataDir, 'device-console.sqlite') });
    try {
      const signIn = await fetch(`${service.baseUrl}/v3/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }) });
      const headers = { 'x-auth-token': signIn.headers.get(SUBJECT_TOKEN_HEADER)!, 'content-type': 'application/json' };
      const devices = () => database.db.selectFrom('devices').select(['id', 'revision', 'frozen', 'node_type']).orderBy('id').execute();
      const before = await devices();
      const tasks = `${service.baseUrl}/v5/iot/default/batchtasks`;
      const task = await json<BatchTask>(fetch(tasks, { method: 'POST', headers, body: JSON.stringify({ task_name: 'freeze_all', task_type: 'freezeDevices', targets_filter: {} }) }));
      expect(task.task_progress.total).toBe(DEVICES);
      const show = () => json<{ batchtask: BatchTask }>(fetch(`${tasks}/${task.task_id}?limit=1`, { headers })).then((r) => r.batchtask);

      let shown = await show();
      while (shown.task_progress.success === 0) shown = await show();
      await service.kill();
      const doneAtKill = (await database.db.selectFrom('batch_task_details').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'Success').executeTakeFirstOrThrow()).n;
      expect(Number(doneAtKill)).toBeGreaterThan(0);
      expect(Number(doneAtKill)).toBeLessThan(DEVICES);

      await service.start();
      await expect.poll(async () => (await show()).status, { timeout: 60_000, interval: 200 }).toSatisfy((status: string) => ENDED.includes(status));
      const after = new Map((await devices()).map((d) => [d.id, d]));
      const twice = before.filter((d) => after.get(d.id)!.revision - d.revision > 1);
      expect(twice).toEqual([]);
      // Frozen once, each device that could be and was not yet; sub-devices fail with the reason.
      const changed = before.filter((d) => d.frozen === 0 && d.node_type !== 2);
      for (const d of changed) expect(after.get(d.id)).toMatchObject({ frozen: 1, revision: d.revision + 1 });
      const ended = await show();
      expect(ended.task_progress).toMatchObject({ total: DEVICES, waitting: 0, success: before.filter((d) => d.node_type !== 2).length, fail: before.filter((d) => d.node_type === 2).length });
    } finally {
      await service.stop();
      await database.close();
      await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
