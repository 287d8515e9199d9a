import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewDeviceRow, ProductRow } from '../db/schema';
import { addDeviceWithSecret, canConnect } from '../test-support/device-credentials';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';

let t: TestApp;
let token: string;
let product: ProductRow;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  product = await addProduct(t.db);
});
afterAll(() => t.close());

type Action = 'freeze' | 'unfreeze';
const post = (action: Action, deviceId: string, { project = 'default', auth = token as string | null, headers = {}, payload = undefined as string | undefined } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/v5/iot/${project}/devices/${deviceId}/${action}`,
    headers: { ...(auth === null ? {} : { 'x-auth-token': auth }), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
const device = (over: Partial<NewDeviceRow> = {}) => addDevice(t.db, product, over);
const iotdaId = (d: { node_id: string }) => `${product.id}_${d.node_id}`;
const row = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function expectRefused(send: () => ReturnType<typeof post>, status: number, error_code: string, error_msg: string) {
  const res = await unchangedBy(t.db, send);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ error_code, error_msg, request_id: res.headers['x-request-id'] });
}

describe('POST /v5/iot/{project_id}/devices/{device_id}/freeze (003)', () => {
  it('answers 204 with no body; the device is frozen, disconnected and shown offline', async () => {
    const d = await addDeviceWithSecret(t, product, 's3cret', { connected: 1, online_status: 1 });
    const res = await post('freeze', iotdaId(d));
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await row(d.id)).toMatchObject({ frozen: 1, connected: 0, online_status: 2, revision: d.revision + 1, last_updated_user: 'admin' });
    expect(await canConnect(t, d, 's3cret')).toBe(false);
  });

  it('freezes a gateway, and keeps an inactive device inactive', async () => {
    const gateway = await device({ node_type: 1, online_status: 0 });
    expect((await post('freeze', iotdaId(gateway))).statusCode).toBe(204);
    expect(await row(gateway.id)).toMatchObject({ frozen: 1, online_status: 0 });
  });

  it('answers 204 again to a frozen device and changes nothing', async () => {
    const d = await device({ frozen: 1 });
    const res = await unchangedBy(t.db, () => post('freeze', iotdaId(d)));
    expect(res.statusCode).toBe(204);
  });

  it('accepts and ignores the Instance-Id header', async () => {
    const d = await device();
    expect((await post('freeze', iotdaId(d), { headers: { 'instance-id': 'some-instance' } })).statusCode).toBe(204);
    expect((await row(d.id)).frozen).toBe(1);
  });

  it.each([
    ['an empty JSON body', 'application/json', ''],
    ['a malformed JSON body', 'application/json', '{'],
    ['a binary body', 'application/octet-stream', 'x'],
  ])('ignores %s: 003 defines none', async (_case, contentType, payload) => {
    const d = await device();
    const res = await post('freeze', iotdaId(d), { headers: { 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(204);
    expect((await row(d.id)).frozen).toBe(1);
  });

  it('finds node ids that hold underscores and hyphens', async () => {
    const d = await device({ node_id: 'imei_8675-309_01' });
    expect((await post('freeze', `${product.id}_imei_8675-309_01`)).statusCode).toBe(204);
    expect((await row(d.id)).frozen).toBe(1);
  });

  it('refuses a sub-device with 400 IOTDA.000006', async () => {
    const gateway = await device({ node_type: 1 });
    const sub = await device({ node_type: 2, parent_device_id: gateway.id });
    const msg = 'Invalid input data. Only devices that connect directly to the platform can be frozen; this device is a sub-device.';
    await expectRefused(() => post('freeze', iotdaId(sub)), 400, 'IOTDA.000006', msg);
  });

  it.each([
    ['a 129-character id', 'a'.repeat(129)],
    ['a dot', 'abc.def'],
    ['an encoded space', 'abc%20def'],
    ['an encoded slash', 'abc%2Fdef'],
    ['a non-ASCII letter', encodeURIComponent('gerät_1')],
  ])('refuses %s with 400 IOTDA.000006 "Invalid input data."', async (_case, id) => {
    await expectRefused(() => post('freeze', id), 400, 'IOTDA.000006', 'Invalid input data.');
  });

  it('looks up a well-formed 128-character id, answering 404 when it names nothing', async () => {
    await expectRefused(() => post('freeze', 'a'.repeat(128)), 404, 'IOTDA.014000', 'The device does not exist.');
  });

  it.each([
    ['an unknown node', () => `${product.id}_no-such-node`],
    ['an unknown product', () => '999999_node-1'],
    ['no product part', () => 'node-only'],
  ])('answers 404 IOTDA.014000 for %s', async (_case, id) => {
    await expectRefused(() => post('freeze', id()), 404, 'IOTDA.014000', 'The device does not exist.');
  });
});

describe('POST …/unfreeze (003)', () => {
  it('answers 204 and lifts the freeze, leaving the device offline until it connects', async () => {
    const d = await device({ frozen: 1, online_status: 2 });
    expect((await post('unfreeze', iotdaId(d))).statusCode).toBe(204);
    expect(await row(d.id)).toMatchObject({ frozen: 0, connected: 0, online_status: 2, revision: d.revision + 1 });
  });

  it('answers 204 to a device that is not frozen and changes nothing', async () => {
    const d = await device({ frozen: 0 });
    expect((await unchangedBy(t.db, () => post('unfreeze', iotdaId(d)))).statusCode).toBe(204);
  });

  it('refuses a sub-device and an unknown device', async () => {
    const sub = await device({ node_type: 2 });
    const msg = 'Invalid input data. Only devices that connect directly to the platform can be unfrozen; this device is a sub-device.';
    await expectRefused(() => post('unfreeze', iotdaId(sub)), 400, 'IOTDA.000006', msg);
    await expectRefused(() => post('unfreeze', `${product.id}_ghost`), 404, 'IOTDA.014000', 'The device does not exist.');
  });

  it('freeze then unfreeze lets the device authenticate again', async () => {
    const d = await addDeviceWithSecret(t, product, 's3cret');
    await post('freeze', iotdaId(d));
    expect(await canConnect(t, d, 's3cret')).toBe(false);
    await post('unfreeze', iotdaId(d));
    expect(await canConnect(t, d, 's3cret')).toBe(true);
  });
});

describe('tenants and tokens', () => {
  it.each(['freeze', 'unfreeze'] as const)('%s answers 404 for a project other than the caller’s', async (action) => {
    const d = await device({ frozen: action === 'unfreeze' ? 1 : 0 });
    const acme = await t.token('acme-admin');
    await expectRefused(() => post(action, iotdaId(d), { project: 'acme' }), 404, 'IOTDA.014000', 'The device does not exist.');
    await expectRefused(() => post(action, iotdaId(d), { auth: acme }), 404, 'IOTDA.014000', 'The device does not exist.');
    await expectRefused(() => post(action, iotdaId(d), { project: 'acme', auth: acme }), 404, 'IOTDA.014000', 'The device does not exist.');
  });

  it.each(['freeze', 'unfreeze'] as const)('%s answers 401 without a valid token', async (action) => {
    const d = await device({ frozen: action === 'unfreeze' ? 1 : 0 });
    for (const auth of [null, 'forged']) {
      const res = await unchangedBy(t.db, () => post(action, iotdaId(d), { auth }));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error_code: 'APIGW.0301', request_id: res.headers['x-request-id'] });
    }
  });
});
