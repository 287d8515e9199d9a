import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENOS_MESSAGES } from '@/contracts/enos';
import type { NewDeviceRow, ProductRow } from '../db/schema';
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

const URL_000 = '/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default';
/** Sends the body as JSON whatever its type, so a string or array body is parsed, not refused as text. */
const post = (url: string, payload: unknown, auth: string | null = token) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(auth === null ? {} : { 'x-auth-token': auth }) },
    payload: JSON.stringify(payload),
  });
const device = (over: Partial<NewDeviceRow> = {}) => addDevice(t.db, product, over);
const onlineStatusOf = async (id: number) =>
  (await t.db.selectFrom('devices').select('online_status').where('id', '=', id).executeTakeFirstOrThrow()).online_status;

/** 000 answers HTTP 200 with the refusal in `code`, and a refusal changes nothing. */
async function expectRefused(send: () => ReturnType<typeof post>, code: number, msg: string) {
  const res = await unchangedBy(t.db, send);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ code, msg, requestId: res.headers['x-request-id'], data: null });
}

describe('POST ?action=modifyDeviceStatus (000)', () => {
  it('answers the Return Sample to the Request Sample', async () => {
    const d = await device({ online_status: 0 });
    const res = await post(URL_000, { assetId: d.asset_id, status: 'offline' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 0, msg: 'OK', requestId: res.headers['x-request-id'], data: null });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await onlineStatusOf(d.id)).toBe(2);
  });

  it.each([
    ['inactive', 0],
    ['online', 1],
    ['offline', 2],
  ] as const)('sets %s as online_status %i without touching the connection', async (status, expected) => {
    const d = await device({ online_status: expected === 2 ? 1 : 2 });
    expect((await post(URL_000, { assetId: d.asset_id, status })).json().code).toBe(0);
    const after = await t.db.selectFrom('devices').select(['online_status', 'connected', 'revision']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ online_status: expected, connected: 0, revision: d.revision + 1 });
  });

  it('finds the device by productKey + deviceKey', async () => {
    const d = await device({ online_status: 2 });
    const res = await post(URL_000, { productKey: product.product_key, deviceKey: d.device_key, status: 'inactive' });
    expect(res.json().code).toBe(0);
    expect(await onlineStatusOf(d.id)).toBe(0);
  });

  it.each([
    ['no device at all', { status: 'offline' }],
    ['productKey alone', { productKey: 'pk', status: 'offline' }],
    ['deviceKey alone', { deviceKey: 'dk', status: 'offline' }],
    ['an empty assetId', { assetId: '', status: 'offline' }],
    ['a numeric assetId', { assetId: 42, status: 'offline' }],
    ['an assetId over 64 characters', { assetId: 'a'.repeat(65), status: 'offline' }],
    ['a bad status and no device', { status: 'bogus' }],
    ['an array body', []],
    ['a string body', 'assetId'],
  ])('refuses %s: 99400 "Device information is invalid."', async (_case, payload) => {
    await expectRefused(() => post(URL_000, payload), 99400, ENOS_MESSAGES.deviceInfoInvalid);
  });

  it('refuses a request without a body', async () => {
    await expectRefused(() => t.app.inject({ method: 'POST', url: URL_000, headers: { 'x-auth-token': token } }), 99400, ENOS_MESSAGES.deviceInfoInvalid);
  });

  it.each([
    ['ONLINE', 'Invalid arguments: Status ONLINE is not allowed to be modified.'],
    ['disconnected', 'Invalid arguments: Status disconnected is not allowed to be modified.'],
    ['', 'Invalid arguments: Status  is not allowed to be modified.'],
    [1, 'Invalid arguments: Status 1 is not allowed to be modified.'],
    [undefined, 'Invalid arguments: status is required.'],
  ])('refuses status %j with the value sent', async (status, msg) => {
    const d = await device();
    await expectRefused(() => post(URL_000, { assetId: d.asset_id, status }), 99400, msg);
  });

  it('echoes at most 64 characters of a huge status', async () => {
    const d = await device();
    await expectRefused(() => post(URL_000, { assetId: d.asset_id, status: 'x'.repeat(5000) }), 99400, ENOS_MESSAGES.statusNotAllowed('x'.repeat(64)));
  });

  it('refuses an unknown device with 11404', async () => {
    await expectRefused(() => post(URL_000, { assetId: 'no-such-asset', status: 'offline' }), 11404, 'Device cannot be found');
    const d = await device();
    await expectRefused(() => post(URL_000, { productKey: 'pk-unknown', deviceKey: d.device_key, status: 'offline' }), 11404, 'Device cannot be found');
  });

  it.each([
    ['mirrored', { mirrored: 1 }, ENOS_MESSAGES.mirrored],
    ['disabled', { status: 1 }, ENOS_MESSAGES.disabled],
    ['connected', { connected: 1, online_status: 1 }, ENOS_MESSAGES.connected],
    ['mirrored, disabled and connected', { mirrored: 1, status: 1, connected: 1 }, ENOS_MESSAGES.mirrored],
    ['disabled and connected', { status: 1, connected: 1 }, ENOS_MESSAGES.disabled],
  ] as const)('refuses a %s device with its own 99400 message', async (_case, over, msg) => {
    const d = await device(over);
    await expectRefused(() => post(URL_000, { assetId: d.asset_id, status: 'offline' }), 99400, msg);
  });

  it('answers malformed JSON with HTTP 200 and 99400', async () => {
    const send = () =>
      t.app.inject({ method: 'POST', url: URL_000, headers: { 'x-auth-token': token, 'content-type': 'application/json' }, payload: '{"assetId":' });
    const res = await unchangedBy(t.db, send);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 99400, msg: expect.stringMatching(/^Invalid arguments: /), data: null });
  });
});

describe('the shared EnOS path', () => {
  it.each([
    ['no action', '/connect-service/v2.4/devices?orgId=default', 'Invalid arguments: action must be modifyDeviceStatus or replaceDevice.'],
    ['another action', '/connect-service/v2.4/devices?action=deleteDevice&orgId=default', 'Invalid arguments: action must be modifyDeviceStatus or replaceDevice.'],
    ['no orgId', '/connect-service/v2.4/devices?action=modifyDeviceStatus', 'Invalid arguments: orgId: Invalid input: expected string, received undefined'],
    ['an empty orgId', '/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=', 'Invalid arguments: orgId: Too small: expected string to have >=1 characters'],
    ['two orgIds', '/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default&orgId=x', 'Invalid arguments: orgId: Invalid input: expected string, received array'],
  ])('refuses %s with 99400', async (_case, url, msg) => {
    const d = await device();
    await expectRefused(() => post(url, { assetId: d.asset_id, status: 'offline' }), 99400, msg);
  });
});

describe('tenants and tokens', () => {
  it('answers 11404 for an org other than the caller’s, though the device exists there', async () => {
    const d = await device();
    const acme = await t.token('acme-admin');
    await expectRefused(() => post(URL_000, { assetId: d.asset_id, status: 'offline' }, acme), 11404, 'Device cannot be found');
    const ownOrg = URL_000.replace('orgId=default', 'orgId=acme-org');
    await expectRefused(() => post(ownOrg, { assetId: d.asset_id, status: 'offline' }, acme), 11404, 'Device cannot be found');
    await expectRefused(() => post(URL_000.replace('orgId=default', 'orgId=nowhere'), { assetId: d.asset_id, status: 'offline' }), 11404, 'Device cannot be found');
  });

  it('refuses a missing or unknown token with 401 in the EnOS envelope', async () => {
    const d = await device();
    for (const auth of [null, 'not-a-token']) {
      const res = await unchangedBy(t.db, () => post(URL_000, { assetId: d.asset_id, status: 'offline' }, auth));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 401, msg: ENOS_MESSAGES.unauthorized, requestId: res.headers['x-request-id'], data: null });
    }
  });
});
