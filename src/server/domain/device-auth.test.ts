import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRow, ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { authenticateDevice } from './device-auth';
import { hashDeviceSecret } from './device-secret';

const SECRET = 'S3cretS3cretS3cretS3cretS3cret12';

describe('authenticateDevice', () => {
  let t: TestApp;
  let product: ProductRow;
  let other: ProductRow;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
    other = await addProduct(t.db);
  });
  afterAll(() => t.close());

  const device = (over: Partial<DeviceRow> = {}) => addDevice(t.db, product, { secret_hash: hashDeviceSecret(SECRET), ...over });

  it('admits the right product key, device key and secret', async () => {
    const d = await device();
    expect(await authenticateDevice(t.db, product.product_key, d.device_key, SECRET)).toEqual({ ok: true, deviceId: d.id });
  });

  it('refuses an unknown device key, or a known one under another product', async () => {
    const d = await device();
    expect(await authenticateDevice(t.db, product.product_key, 'no-such-key', SECRET)).toEqual({ ok: false, reason: 'unknownKey' });
    expect(await authenticateDevice(t.db, other.product_key, d.device_key, SECRET)).toEqual({ ok: false, reason: 'unknownKey' });
  });

  it('refuses a wrong secret', async () => {
    const d = await device();
    expect(await authenticateDevice(t.db, product.product_key, d.device_key, `${SECRET.slice(1)}x`)).toEqual({ ok: false, reason: 'wrongSecret' });
  });

  it('refuses a frozen device (003) and a disabled one (001)', async () => {
    const frozen = await device({ frozen: 1 });
    const disabled = await device({ status: 1 });
    expect(await authenticateDevice(t.db, product.product_key, frozen.device_key, SECRET)).toEqual({ ok: false, reason: 'frozen' });
    expect(await authenticateDevice(t.db, product.product_key, disabled.device_key, SECRET)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('checks the secret before telling whether a device is frozen', async () => {
    const frozen = await device({ frozen: 1 });
    expect(await authenticateDevice(t.db, product.product_key, frozen.device_key, 'guess')).toEqual({ ok: false, reason: 'wrongSecret' });
  });
});
