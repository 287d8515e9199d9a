import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';
import { modifyDeviceStatus, ONLINE_STATUS_OF, statusChangeRefusal } from './modify-status';
import { testTrail } from '../test-support/audit-trail';

describe('statusChangeRefusal (000)', () => {
  const ok = { mirrored: 0, status: 0, connected: 0 } as const;

  it('allows an enabled, unmirrored, unconnected device', () => {
    expect(statusChangeRefusal(ok)).toBeUndefined();
  });

  it.each([
    [{ ...ok, mirrored: 1 }, 'mirrored'],
    [{ ...ok, status: 1 }, 'disabled'],
    [{ ...ok, connected: 1 }, 'connected'],
    [{ mirrored: 1, status: 1, connected: 1 }, 'mirrored'],
    [{ ...ok, status: 1, connected: 1 }, 'disabled'],
  ] as const)('refuses %o as %s, mirrored before disabled before connected', (device, reason) => {
    expect(statusChangeRefusal(device)).toBe(reason);
  });

  it('maps inactive / online / offline to online_status 0 / 1 / 2', () => {
    expect(ONLINE_STATUS_OF).toEqual({ inactive: 0, online: 1, offline: 2 });
  });
});

describe('modifyDeviceStatus on the database', () => {
  let t: TestApp;
  let product: ProductRow;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
  });
  afterAll(() => t.close());

  const run = (workspaceId: string, assetId: string, status: 'inactive' | 'online' | 'offline' = 'online') =>
    modifyDeviceStatus(t, { workspaceId, locator: { assetId }, status, byUser: 'tester', audit: testTrail() });

  it('sets the displayed status and bumps the revision, leaving the connection alone', async () => {
    const device = await addDevice(t.db, product, { online_status: 2, connected: 0 });
    expect(await run('default', device.asset_id, 'online')).toEqual({ ok: true });
    const after = await t.db.selectFrom('devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ online_status: 1, connected: 0, revision: device.revision + 1, last_updated_user: 'tester' });
  });

  it('finds by productKey + deviceKey', async () => {
    const device = await addDevice(t.db, product, { online_status: 1 });
    const outcome = await modifyDeviceStatus(t, {
      workspaceId: 'default',
      locator: { productKey: product.product_key, deviceKey: device.device_key },
      status: 'inactive',
      byUser: 'tester',
      audit: testTrail(),
    });
    expect(outcome).toEqual({ ok: true });
    expect((await t.db.selectFrom('devices').select('online_status').where('id', '=', device.id).executeTakeFirstOrThrow()).online_status).toBe(0);
  });

  it('answers notFound for another workspace and changes nothing', async () => {
    const device = await addDevice(t.db, product);
    expect(await unchangedBy(t.db, () => run('acme', device.asset_id))).toEqual({ ok: false, reason: 'notFound' });
  });

  it('refuses a connected device and changes nothing', async () => {
    const device = await addDevice(t.db, product, { connected: 1, online_status: 1 });
    expect(await unchangedBy(t.db, () => run('default', device.asset_id, 'offline'))).toEqual({ ok: false, reason: 'connected' });
  });
});
