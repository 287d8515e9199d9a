import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEventSchema, devicesEventSchema, resetEventSchema, summaryEventSchema } from '@/contracts/console-events';
import { tasksEventSchema } from '@/contracts/iotda-batch-tasks';
import type { ActivityMinute } from '@/contracts/console';
import { ACTIVITY_MINUTES } from '../db/connection-activity';
import type { ProductRow } from '../db/schema';
import { batchTaskCalls, iotdaIdOf } from '../test-support/batch-task-calls';
import { openEventStream, type EventStreamReader } from '../test-support/event-stream-reader';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';

const EVENTS = '/console/v1/projects/default/instances/default/events';
const ACME_EVENTS = '/console/v1/projects/acme/instances/acme-instance/events';

let t: TestApp;
let token: string;
let base: string;
let product: ProductRow;
const open: EventStreamReader[] = [];

beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  product = await addProduct(t.db);
});
afterAll(async () => {
  for (const reader of open) reader.close();
  await t.close();
});

/** `as: null` opens it with no token at all. */
async function stream(path = EVENTS, as: string | null = token, headers: Record<string, string> = {}) {
  const reader = await openEventStream(`${base}${path}`, as ?? undefined, headers);
  open.push(reader);
  return reader;
}

const devicesOf = (data: string) => devicesEventSchema.parse(JSON.parse(data)).changes;

describe('the console event stream', () => {
  it('opens with the fleet summary, then sends a change made by any writer, with the device as it is now', async () => {
    const device = await addDevice(t.db, product, { device_name: 'pump-1', online_status: 2 });
    const reader = await stream();
    expect(reader.status).toBe(200);
    expect(reader.contentType).toMatch(/^text\/event-stream/);
    const first = await reader.next();
    expect(first.event).toBe('summary');
    expect(summaryEventSchema.parse(JSON.parse(first.data)).total).toBeGreaterThanOrEqual(1);

    // Written straight to the database, as the gateway or another process would.
    await t.db.updateTable('devices').set({ online_status: 1, connected: 1, client_ip: '10.1.2.3' }).where('id', '=', device.id).execute();
    const changed = await reader.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === device.id && 'connected' in d && d.connected));
    expect(changed.id).toMatch(/^[0-9a-f]+\.\d+$/);
    expect(devicesOf(changed.data)).toEqual([
      expect.objectContaining({ id: device.id, device_name: 'pump-1', online_status: 1, connected: true, client_ip: '10.1.2.3', frozen: false, tags: [] }),
    ]);
    const summary = await reader.next((e) => e.event === 'summary', 3_000);
    expect(summaryEventSchema.parse(JSON.parse(summary.data)).online_status['1']).toBeGreaterThanOrEqual(1);
  });

  it('sends a device that only reported as its last activity time alone, to every open stream alike', async () => {
    const readers = [await stream(), await stream()];
    for (const reader of readers) await reader.next((e) => e.event === 'summary');
    const device = await addDevice(t.db, product, { device_name: 'reporting-1' });
    const hasIt = (data: string) => devicesOf(data).some((d) => d.id === device.id);
    // A new device is sent whole; after that, what they get of it is the report alone.
    for (const reader of readers) await reader.next((e) => e.event === 'devices' && hasIt(e.data));
    await t.db.updateTable('devices').set({ last_active_time: 1_700_000_000_000 }).where('id', '=', device.id).execute();
    const sent = await Promise.all(readers.map((reader) => reader.next((e) => e.event === 'devices' && hasIt(e.data))));
    for (const event of sent) expect(devicesOf(event.data)).toEqual([{ id: device.id, last_active_time: 1_700_000_000_000 }]);
    expect(sent[1]!.data).toBe(sent[0]!.data);
  });

  it('opens with the hour’s connections and disconnections, then tells the minute before and this one as sessions begin and end', async () => {
    // Counted and sent within the same minute: a test that starts in the last seconds of one waits for the next.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 54_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
    const device = await addDevice(t.db, product, { device_name: 'connecting-1' });
    const reader = await stream();
    const minutesOf = (data: string) => activityEventSchema.parse(JSON.parse(data)).minutes;
    const opening = minutesOf((await reader.next((e) => e.event === 'activity')).data);
    expect(opening).toHaveLength(ACTIVITY_MINUTES);
    const at = Date.now();
    const minute = at - (at % 60_000);
    const countOf = (minutes: ActivityMinute[], which: number) => minutes.find((m) => m.minute === which) ?? { connected: 0, disconnected: 0 };
    // As the gateway writes a batch: the history lines and the device's state, in one transaction,
    // one of them a session that ended in the last second of the minute before.
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('device_connections')
        .values([
          { device_id: device.id, at: minute - 1_000, event: 'disconnected', reason: 'keep-alive expired', client_ip: null },
          { device_id: device.id, at, event: 'connected', reason: 'connected', client_ip: null },
        ])
        .execute();
      await trx.updateTable('devices').set({ connected: 1, online_status: 1 }).where('id', '=', device.id).execute();
    });
    const after = minutesOf((await reader.next((e) => e.event === 'activity' && minutesOf(e.data).at(-1)!.minute === minute, 3_000)).data);
    expect(after.map((m) => m.minute)).toEqual([minute - 60_000, minute]);
    expect(after[0]!.disconnected).toBe(countOf(opening, minute - 60_000).disconnected + 1);
    expect(after[1]!.connected).toBe(countOf(opening, minute).connected + 1);
  });

  it('tells each workspace only of its own devices', async () => {
    const acmeProduct = await addProduct(t.db, 'acme');
    const ours = await stream();
    const theirs = await stream(ACME_EVENTS, await t.token('acme-admin'));
    await ours.next((e) => e.event === 'summary');
    await theirs.next((e) => e.event === 'summary');
    const acmeDevice = await addDevice(t.db, acmeProduct, { device_name: 'acme-only' });
    const ourDevice = await addDevice(t.db, product, { device_name: 'ours-only' });
    const idsOf = (reader: EventStreamReader) => reader.pending().flatMap((e) => (e.event === 'devices' ? devicesOf(e.data).map((d) => d.id) : []));
    await theirs.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === acmeDevice.id));
    await ours.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === ourDevice.id));
    // Anything either stream still holds, or gets while the other's change is told, is its own.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(idsOf(theirs)).not.toContain(ourDevice.id);
    expect(idsOf(ours)).not.toContain(acmeDevice.id);
  });

  it('resumes from Last-Event-ID with every device changed since, once each, as it is now', async () => {
    // A reader that stays open sees each change told, so the feed knows them before the resuming reader asks.
    const witness = await stream();
    const told = (id: number, check: (d: Record<string, unknown>) => boolean) =>
      witness.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === id && check(d)));
    const [a, b] = [await addDevice(t.db, product, { device_name: 'resume-a' }), await addDevice(t.db, product, { device_name: 'resume-b' })];
    const since = (await told(b.id, () => true)).id!;
    await t.db.updateTable('devices').set({ frozen: 1 }).where('id', '=', a.id).execute();
    await told(a.id, (d) => d.frozen === true);
    await t.db.updateTable('devices').set({ frozen: 0, device_name: 'resume-a2' }).where('id', '=', a.id).execute();
    await t.db.updateTable('devices').set({ status: 1 }).where('id', '=', b.id).execute();
    await told(b.id, (d) => d.status === 1);

    const reader = await stream(EVENTS, token, { 'last-event-id': since });
    const replayed = await reader.next((e) => e.event === 'devices');
    const changes = devicesOf(replayed.data).sort((x, y) => x.id - y.id);
    expect(changes).toEqual([
      expect.objectContaining({ id: a.id, device_name: 'resume-a2', frozen: false }),
      expect.objectContaining({ id: b.id, status: 1 }),
    ]);
  });

  it('gives its opening summary an id, so a reader that has had no change yet resumes from there', async () => {
    const device = await addDevice(t.db, product, { device_name: 'quiet-1' });
    await t.changeFeed.poll();
    const quiet = await stream();
    const opening = await quiet.next((e) => e.event === 'summary');
    expect(opening.id).toMatch(/^[0-9a-f]+\.\d+$/);
    quiet.close();
    // Changed while the reader was away.
    await t.db.updateTable('devices').set({ status: 1 }).where('id', '=', device.id).execute();
    await t.changeFeed.poll();
    const resumed = await stream(EVENTS, token, { 'last-event-id': opening.id! });
    const replayed = await resumed.next((e) => e.event === 'devices');
    expect(devicesOf(replayed.data)).toEqual([expect.objectContaining({ id: device.id, status: 1 })]);
  });

  it('says reset when the Last-Event-ID is not one it can resume from', async () => {
    for (const unknown of ['0123456789ab.1', 'not an id']) {
      const [epoch, n] = t.changeFeed.eventId.split('.');
      const reader = await stream(EVENTS, token, { 'last-event-id': unknown });
      const reset = await reader.next((e) => e.event === 'reset');
      expect(resetEventSchema.parse(JSON.parse(reset.data))).toEqual({ reason: 'unknown last event id' });
      // This process's latest event (a notification of an earlier test may still move it on, on PostgreSQL).
      const [resetEpoch, resetN] = reset.id!.split('.');
      expect(resetEpoch).toBe(epoch);
      expect(Number(resetN)).toBeGreaterThanOrEqual(Number(n));
    }
  });

  it('tells a batch task’s progress to every open stream, from its creation to its end', async () => {
    const reader = await stream();
    const calls = batchTaskCalls(() => t, () => token);
    const devices = [await addDevice(t.db, product), await addDevice(t.db, product)];
    const task = await calls.created({ task_name: 'told', task_type: 'freezeDevices', targets: devices.map((d) => iotdaIdOf(product, d)) });
    const tasksOf = (data: string) => tasksEventSchema.parse(JSON.parse(data)).tasks.filter((x) => x.task_id === task.task_id);
    const waiting = await reader.next((e) => e.event === 'tasks' && tasksOf(e.data).length > 0, 3_000);
    expect(tasksOf(waiting.data)[0]).toMatchObject({ status: 'Waitting', task_progress: { total: 2, waitting: 2 } });
    await calls.runAll();
    const ended = await reader.next((e) => e.event === 'tasks' && tasksOf(e.data)[0]?.status === 'Success', 3_000);
    expect(tasksOf(ended.data)[0]!.task_progress).toMatchObject({ total: 2, success: 2 });
  });

  it('sends a deleted device as deleted', async () => {
    const reader = await stream();
    const doomed = await addDevice(t.db, product, { device_name: 'doomed' });
    await reader.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === doomed.id));
    await t.db.deleteFrom('devices').where('id', '=', doomed.id).execute();
    const gone = await reader.next((e) => e.event === 'devices' && devicesOf(e.data).some((d) => d.id === doomed.id));
    expect(devicesOf(gone.data)).toEqual([{ id: doomed.id, deleted: true }]);
  });

  it('refuses a caller without a token, and one that does not ask for an event stream, in the ROMA envelope', async () => {
    const anonymous = await stream(EVENTS, null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ error_code: 'APIGW.0301' });
    const plain = await t.app.inject({ method: 'GET', url: EVENTS, headers: { 'x-auth-token': token, accept: 'application/json' } });
    expect(plain.statusCode).toBe(400);
    expect(plain.json()).toMatchObject({ error_code: 'SCB.00000000', error_msg: expect.stringContaining('Accept') });
    const elsewhere = await stream('/console/v1/projects/nope/instances/nope/events');
    expect(elsewhere.status).toBe(404);
  });
});
