import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';
import { canBeFrozen, freezeChange, setDeviceFrozen, unfreezeChange } from './freeze';
import { testTrail } from '../test-support/audit-trail';

describe('freeze rules (003)', () => {
  it('freezes direct devices and gateways, never sub-devices', () => {
    expect([0, 1, 2].map((node_type) => canBeFrozen({ node_type }))).toEqual([true, true, false]);
  });

  it('freezing ends the connection and shows an online device offline', () => {
    expect(freezeChange({ node_type: 0, frozen: 0, connected: 1, online_status: 1 })).toEqual({ frozen: 1, connected: 0, online_status: 2 });
  });

  it('keeps inactive and offline as they are', () => {
    expect(freezeChange({ node_type: 0, frozen: 0, connected: 0, online_status: 0 })).toEqual({ frozen: 1 });
    expect(freezeChange({ node_type: 0, frozen: 0, connected: 0, online_status: 2 })).toEqual({ frozen: 1 });
  });

  it('has nothing to change on a frozen, disconnected device', () => {
    expect(freezeChange({ node_type: 0, frozen: 1, connected: 0, online_status: 2 })).toBeUndefined();
  });

  it('unfreezing lifts only the ban', () => {
    expect(unfreezeChange({ node_type: 0, frozen: 1, connected: 0, online_status: 2 })).toEqual({ frozen: 0 });
    expect(unfreezeChange({ node_type: 0, frozen: 0, connected: 1, online_status: 1 })).toBeUndefined();
  });
});

describe('setDeviceFrozen on the database', () => {
  let t: TestApp;
  let product: ProductRow;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
  });
  afterAll(() => t.close());

  const run = (workspaceId: string, iotdaDeviceId: string, frozen: boolean) =>
    setDeviceFrozen(t, { workspaceId, iotdaDeviceId, frozen, byUser: 'tester', audit: testTrail() });
  const row = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('freezes by `{product_id}_{node_id}`, node ids with underscores included', async () => {
    const device = await addDevice(t.db, product, { node_id: 'mac_00_1a_2b', connected: 1, online_status: 1 });
    expect(await run('default', `${product.id}_mac_00_1a_2b`, true)).toEqual({ ok: true, deviceId: device.id });
    expect(await row(device.id)).toMatchObject({ frozen: 1, connected: 0, online_status: 2, revision: device.revision + 1 });
  });

  it('writes nothing when the device is already in the asked state', async () => {
    const device = await addDevice(t.db, product, { frozen: 1 });
    expect(await unchangedBy(t.db, () => run('default', `${product.id}_${device.node_id}`, true))).toEqual({ ok: true, deviceId: device.id });
  });

  it('refuses a sub-device and a device of another workspace, changing nothing', async () => {
    const sub = await addDevice(t.db, product, { node_type: 2 });
    expect(await unchangedBy(t.db, () => run('default', `${product.id}_${sub.node_id}`, true))).toEqual({ ok: false, reason: 'subDevice' });
    const own = await addDevice(t.db, product);
    expect(await unchangedBy(t.db, () => run('acme', `${product.id}_${own.node_id}`, true))).toEqual({ ok: false, reason: 'notFound' });
  });
});
