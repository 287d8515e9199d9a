import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import type { WorkspaceChanges } from './change-feed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Until the feed has told of `deviceId` (polling, since on PostgreSQL a notification may still be on its way). */
async function untilTold(told: Map<number, boolean[]>, deviceId: number): Promise<void> {
  await vi.waitFor(async () => {
    await t.changeFeed.poll();
    expect(told.has(deviceId)).toBe(true);
  });
}

/**
 * Whether the feed told every change of a new device that `write` makes as a change of its last
 * activity alone (it must tell of at least one).
 */
async function activityOnly(write: (id: number) => Promise<unknown>): Promise<boolean> {
  const told = new Map<number, boolean[]>();
  const unsubscribe = t.changeFeed.subscribe('default', {
    changed: (_eventId: string, changes: WorkspaceChanges) => {
      for (const id of changes.ids) told.set(id, [...(told.get(id) ?? []), changes.activityOnly.has(id)]);
    },
    lost: () => {},
  });
  try {
    const device = await addDevice(t.db, await addProduct(t.db));
    await untilTold(told, device.id);
    told.delete(device.id);
    await write(device.id);
    await untilTold(told, device.id);
    return told.get(device.id)!.every(Boolean);
  } finally {
    unsubscribe();
  }
}

describe('the change source (SQLite change log, PostgreSQL notifications)', () => {
  it('tells a change of the last activity time alone as such', async () => {
    expect(await activityOnly((id) => t.db.updateTable('devices').set({ last_active_time: Date.now() }).where('id', '=', id).execute())).toBe(true);
  });

  it('tells a change of state as a change of state, alone or with the activity time', async () => {
    expect(await activityOnly((id) => t.db.updateTable('devices').set({ status: 1 }).where('id', '=', id).execute())).toBe(false);
    const connect = { online_status: 1, connected: 1 as const, last_active_time: Date.now() };
    expect(await activityOnly((id) => t.db.updateTable('devices').set(connect).where('id', '=', id).execute())).toBe(false);
  });

  it('does not let a later change of activity hide a change of state told in the same take', async () => {
    const told = await activityOnly((id) =>
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable('devices').set({ device_name: 'renamed-then-active' }).where('id', '=', id).execute();
        await trx.updateTable('devices').set({ last_active_time: Date.now() }).where('id', '=', id).execute();
      }),
    );
    expect(told).toBe(false);
  });
});
