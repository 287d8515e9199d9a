import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { devicesEventSchema } from '@/contracts/console-events';
import type { DeviceSummary } from '@/contracts/console';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { MINUTE_MS } from '../db/connection-activity';
import { addDevice, addProduct } from '../test-support/fixtures';
import { changeNote, ScriptedChangeSource } from '../test-support/scripted-change-source';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { ChangeFeed, type WorkspaceChanges } from './change-feed';
import { readDeviceChanges } from './device-changes';
import type { ChangeNote } from './change-source';
import { MAX_OWED_DEVICES, WorkspaceStream, type ActivitySpan, type StreamMessage } from './workspace-stream';

const EMPTY_SUMMARY: DeviceSummary = { total: 0, online_status: { '0': 0, '1': 0, '2': 0 }, status: { '0': 0, '1': 0 }, frozen: 0 };

/** A reader that takes nothing until released: every send waits, as on a full socket. */
function stalledReader() {
  const sent: StreamMessage[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    sent,
    release,
    send: async (messages: readonly StreamMessage[]) => {
      sent.push(...messages);
      await released;
    },
  };
}


const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function openStream() {
  const source = new ScriptedChangeSource();
  const feed = new ChangeFeed(source, (error) => {
    throw error;
  });
  await feed.start(0);
  const reader = stalledReader();
  const eventChanges = vi.fn(async (workspaceId: string, _eventId: string, changes: WorkspaceChanges) => ({
    changes: await readDeviceChanges(t.db, workspaceId, changes.ids, changes.activityOnly),
  }));
  const activity = vi.fn(async (_workspaceId: string, _eventId: string, _now: number, _span: ActivitySpan) => ({ minutes: [] }));
  const tasks = vi.fn(async (_workspaceId: string, _now: number) => ({ signature: '', data: { tasks: [] as BatchTask[] } }));
  const stream = new WorkspaceStream({ db: t.db, feed, summary: async () => EMPTY_SUMMARY, activity, eventChanges, tasks }, 'default', undefined);
  const running = stream.run(reader.send);
  await settle();
  return { activity, eventChanges, feed, source, reader, stream, running, tasks };
}

describe('a stream whose reader is slow', () => {
  it('owes each changed device once, as it is when it is sent, however often it changed', async () => {
    const product = await addProduct(t.db);
    const [a, b] = [await addDevice(t.db, product), await addDevice(t.db, product)];
    const { feed, source, reader, stream, running, eventChanges } = await openStream();
    // The reader is stuck on the opening summary; changes keep coming.
    for (let i = 0; i < 5; i++) {
      source.next = { notes: [changeNote(a.id)], lost: false };
      await feed.poll();
    }
    source.next = { notes: [changeNote(b.id)], lost: false };
    await feed.poll();
    await t.db.updateTable('devices').set({ device_name: 'latest-name' }).where('id', '=', a.id).execute();
    reader.release();
    await vi.waitFor(() => expect(reader.sent.some((m) => m.event === 'devices')).toBe(true));
    await settle();
    stream.stop();
    await running;
    const devices = reader.sent.filter((m) => m.event === 'devices');
    expect(devices).toHaveLength(1);
    expect(devices[0]!.id).toBe(feed.eventId);
    const changes = devicesEventSchema.parse(devices[0]!.data).changes;
    expect(changes.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(changes.find((c) => c.id === a.id)).toMatchObject({ device_name: 'latest-name' });
    // What it owed spanned several feed events: it read them itself, not as one event shared by all streams.
    expect(eventChanges).not.toHaveBeenCalled();
  });

  it('takes a feed event it owes exactly from the read shared by every stream that keeps up', async () => {
    const product = await addProduct(t.db);
    const [a, b] = [await addDevice(t.db, product), await addDevice(t.db, product)];
    const { feed, source, reader, stream, running, eventChanges } = await openStream();
    reader.release();
    await settle();
    source.next = { notes: [changeNote(a.id), changeNote(b.id)], lost: false };
    await feed.poll();
    await vi.waitFor(() => expect(reader.sent.some((m) => m.event === 'devices')).toBe(true));
    stream.stop();
    await running;
    expect(eventChanges.mock.calls).toEqual([['default', feed.eventId, { ids: [a.id, b.id], activityOnly: new Set() }]]);
    const devices = reader.sent.find((m) => m.event === 'devices');
    expect(devicesEventSchema.parse(devices!.data).changes.map((c) => c.id).sort((x, y) => x - y)).toEqual([a.id, b.id]);
  });

  it('sends a device that only moved its last activity as that time alone, and whole once its state changed too', async () => {
    const product = await addProduct(t.db);
    const [a, b, c] = [await addDevice(t.db, product), await addDevice(t.db, product), await addDevice(t.db, product)];
    const activeAt = 1_700_000_000_000;
    await t.db.updateTable('devices').set({ last_active_time: activeAt }).where('id', 'in', [a.id, b.id, c.id]).execute();
    const { feed, source, reader, stream, running } = await openStream();
    // Stuck on the opening summary, the reader is owed: a, activity twice; b, activity then state; c, state then activity.
    for (const notes of [[changeNote(a.id, true), changeNote(b.id, true), changeNote(c.id)], [changeNote(a.id, true), changeNote(b.id), changeNote(c.id, true)]]) {
      source.next = { notes, lost: false };
      await feed.poll();
    }
    reader.release();
    await vi.waitFor(() => expect(reader.sent.some((m) => m.event === 'devices')).toBe(true));
    stream.stop();
    await running;
    const changes = devicesEventSchema.parse(reader.sent.find((m) => m.event === 'devices')!.data).changes;
    expect(changes.find((x) => x.id === a.id)).toEqual({ id: a.id, last_active_time: activeAt });
    for (const whole of [b, c]) expect(changes.find((x) => x.id === whole.id)).toMatchObject({ id: whole.id, last_active_time: activeAt, revision: expect.any(Number), tags: [] });
  });

  it('gives up what it owes past the limit and tells the reader to start over', async () => {
    const notes: ChangeNote[] = Array.from({ length: MAX_OWED_DEVICES + 1 }, (_, i) => changeNote(1_000_000 + i));
    const { feed, source, reader, stream, running } = await openStream();
    source.next = { notes, lost: false };
    await feed.poll();
    reader.release();
    await settle();
    stream.stop();
    await running;
    // The summary that follows waits its turn (at most one a second).
    expect(reader.sent.map((m) => m.event)).toEqual(['summary', 'activity', 'reset']);
    expect(reader.sent[2]).toEqual({ id: feed.eventId, event: 'reset', data: { reason: 'reader too slow' } });
  });

  it('tells the reader to start over when the source missed changes, and then resumes nothing from before', async () => {
    const { feed, source, reader, stream, running } = await openStream();
    const before = feed.eventId;
    source.next = { notes: [], lost: true };
    await feed.poll();
    reader.release();
    await settle();
    stream.stop();
    await running;
    expect(reader.sent.find((m) => m.event === 'reset')).toEqual({ id: feed.eventId, event: 'reset', data: { reason: 'changes missed' } });
    expect(feed.changedSince(before, 'default')).toBeUndefined();
    expect(feed.changedSince(feed.eventId, 'default')).toEqual([]);
  });
});

describe('a stream’s connection activity', () => {
  afterEach(() => vi.useRealTimers());

  it('tells the whole hour when it opens, then the minute before and this one, and the hour again once the reader missed a minute’s end', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const minute = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    vi.setSystemTime(minute + 10_000);
    const { activity, feed, source, reader, stream, running } = await openStream();
    reader.release();
    await vi.waitFor(() => expect(activity).toHaveBeenCalledOnce());
    // Each change makes a summary due; the clock moved on far enough for it to go at once.
    for (const at of [minute + 20_000, minute + MINUTE_MS + 59_000, minute + 3 * MINUTE_MS + 1_000]) {
      vi.setSystemTime(at);
      const told = activity.mock.calls.length;
      source.next = { notes: [changeNote(1_000_000)], lost: false };
      await feed.poll();
      await vi.waitFor(() => expect(activity.mock.calls.length).toBe(told + 1));
    }
    stream.stop();
    await running;
    // Counted in the minute the stream decided in (vi.waitFor moves the faked clock on a little).
    expect(activity.mock.calls.map(([, , now, span]) => [Math.floor(now / MINUTE_MS) * MINUTE_MS - minute, span])).toEqual([
      [0, 'hour'],
      [0, 'recent'],
      [MINUTE_MS, 'recent'],
      [3 * MINUTE_MS, 'hour'],
    ]);
    expect(reader.sent.filter((m) => m.event === 'activity').map((m) => m.data)).toEqual(Array.from({ length: 4 }, () => ({ minutes: [] })));
  });
});

describe('a stream’s batch tasks', () => {
  it('tells the running tasks once a second, only when they changed', async () => {
    const task = (done: number) => ({ task_id: 'a1', task_progress: { success: done } }) as unknown as BatchTask;
    const { reader, stream, running, tasks } = await openStream();
    const told = [task(1), task(1), task(2)];
    tasks.mockImplementation(async () => {
      const data = { tasks: [told.shift() ?? task(2)] };
      return { signature: JSON.stringify(data), data };
    });
    reader.release();
    await vi.waitFor(() => expect(tasks.mock.calls.length).toBeGreaterThanOrEqual(4), { timeout: 5_000 });
    stream.stop();
    await running;
    expect(reader.sent.filter((m) => m.event === 'tasks').map((m) => m.data)).toEqual([{ tasks: [task(1)] }, { tasks: [task(2)] }]);
  });
});
