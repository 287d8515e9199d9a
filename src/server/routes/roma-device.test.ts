import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { deviceSchema } from '@/contracts/device';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter, DEVICES, expectRefused } from '../test-support/roma-client';

let t: TestApp;
let token: string;
let product: ProductRow;
let acmeProduct: ProductRow;

beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  product = await addProduct(t.db, 'default', { id: 116303, product_name: 'p1', manufacturer_id: 'p1', model: 'p1' });
  acmeProduct = await addProduct(t.db, 'acme');
});
afterAll(() => t.close());

const show = (id: number | string, as = token, base = DEVICES) =>
  t.app.inject({ method: 'GET', url: `${base}/${id}`, headers: { 'x-auth-token': as } });

describe('GET …/devices/{device_id}', () => {
  it('answers the full device of 001 Table 4 with its additions and a strong ETag', async () => {
    const gateway = await addDevice(t.db, product, { device_name: 'parent-device', node_type: 1 });
    const device = await addDevice(t.db, product, {
      device_name: 'device', node_id: 'string', node_type: 2, parent_device_id: gateway.id, description: 'device',
      client_id: 'D116303711537sGDtK', auth_user_name: 'F01A8D25FE6E4CF5A286B711B31888AE', created_user: 'user',
      last_updated_user: 'user', created_datetime: 1607408244841, last_updated_datetime: 1607422571094,
      last_login_datetime: 1607408245000, client_ip: null, keep_alive: null, version: null, revision: 7, tags: ['b-tag', 'a-tag'],
    });
    const res = await show(device.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${device.id}.7"`);
    expect(res.json()).toEqual({
      permissions: ['read', 'access', 'delete', 'modify'],
      id: device.id,
      device_id: device.id,
      parent_device_id: gateway.id,
      parent_device_name: 'parent-device',
      product: { product_id: 116303, product_name: 'p1', manufacturer_id: 'p1', model: 'p1', protocol_type: 0, product_type: 0 },
      device_name: 'device',
      instance_id: 'default',
      client_id: 'D116303711537sGDtK',
      node_id: 'string',
      app_name: 'app',
      app_id: 'app-default',
      status: 0,
      online_status: 2,
      description: 'device',
      authentication: { user_name: 'F01A8D25FE6E4CF5A286B711B31888AE' },
      created_user: { user_id: '', user_name: 'user' },
      last_updated_user: { user_id: '', user_name: 'user' },
      tags: ['a-tag', 'b-tag'],
      created_datetime: 1607408244841,
      last_updated_datetime: 1607422571094,
      connect_address: '127.0.0.1',
      ssl_connect_address: '127.0.0.1',
      last_login_datetime: 1607408245000,
      node_type: 2,
      device_type: 2,
      asset_id: device.asset_id,
      product_key: 'pk116303',
      device_key: device.device_key,
      iotda_device_id: '116303_string',
      frozen: false,
      connected: false,
      mirrored: false,
    });
    expect(z.strictObject(deviceSchema.shape).safeParse(res.json()).success).toBe(true);
  });

  it('answers 404 ROMA.00110006 for a missing device and for another tenant’s', async () => {
    const theirs = await addDevice(t.db, acmeProduct);
    for (const id of [99_999_999, theirs.id]) {
      await expectRefused(t, () => show(id), 404, 'ROMA.00110006', `The resource does not exist. Check whether the resource ID ${id} is correct.`);
      expect((await show(id)).headers.etag).toBeUndefined();
    }
  });

  it('refuses a device_id that is not an integer of at most 17 digits, and takes one of 17', async () => {
    for (const id of ['abc', '1.5', '-1', '1e3', '1'.repeat(18), 'force-offline']) {
      await expectRefused(t, () => show(id), 400, 'SCB.00000000', badParameter('romalink.link-device.show', 'deviceOid', 'path'));
    }
    expect((await show('9'.repeat(17))).statusCode).toBe(404);
  });

  it('answers 401 without a valid token, and 404 ROMA.00110002 on another tenant’s project', async () => {
    const mine = await addDevice(t.db, product);
    await expectRefused(t, () => t.app.inject({ method: 'GET', url: `${DEVICES}/${mine.id}` }), 401, 'APIGW.0301');
    await expectRefused(t, () => show(mine.id, 'garbage'), 401, 'APIGW.0301');
    const acme = await t.token('acme-admin');
    await expectRefused(t, () => show(mine.id, acme), 404, 'ROMA.00110002', 'The instance does not exist. project_id: default, instance_id: default');
    await expectRefused(t, () => show(mine.id, acme, '/v2/acme/link/instances/acme-instance/devices'), 404, 'ROMA.00110006');
  });
});
