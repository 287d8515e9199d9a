import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { isDeviceKeyTaken, isUniqueViolation, lockDevice } from './device-lookup';
import type { ProductRow } from './schema';

describe('device-lookup additions', () => {
  let t: TestApp;
  let product: ProductRow;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
  });
  afterAll(() => t.close());

  it('lockDevice re-reads the row inside a transaction', async () => {
    const device = await addDevice(t.db, product);
    const locked = await t.db.transaction().execute((trx) => lockDevice(trx, t.dialect, device.id));
    expect(locked).toEqual(device);
    expect(await t.db.transaction().execute((trx) => lockDevice(trx, t.dialect, -1))).toBeUndefined();
  });

  it('isDeviceKeyTaken looks within one product only', async () => {
    const device = await addDevice(t.db, product);
    expect(await isDeviceKeyTaken(t.db, product.id, device.device_key)).toBe(true);
    expect(await isDeviceKeyTaken(t.db, product.id, `${device.device_key}x`)).toBe(false);
    expect(await isDeviceKeyTaken(t.db, (await addProduct(t.db)).id, device.device_key)).toBe(false);
  });

  it('isUniqueViolation recognises this dialect’s duplicate-key error and nothing else', async () => {
    const device = await addDevice(t.db, product);
    const duplicate = await addDevice(t.db, product, { device_key: device.device_key }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    // A NOT NULL violation is a constraint error too, but not the one that means "key taken".
    const notNull = await addProduct(t.db, 'default', { product_name: null as unknown as string }).catch((error: unknown) => error);
    expect(notNull).toBeInstanceOf(Error);
    expect(isUniqueViolation(notNull)).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
  });
});
