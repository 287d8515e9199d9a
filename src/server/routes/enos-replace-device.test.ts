import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENOS_MESSAGES } from '@/contracts/enos';
import { buildApp } from '../app';
import type { NewDeviceRow, ProductRow } from '../db/schema';
import { browserKeyPair, openSecret, spkiPem, type BrowserKeyPair } from '../test-support/browser-crypto';
import { addDeviceWithSecret, canConnect } from '../test-support/device-credentials';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';

let t: TestApp;
let token: string;
let product: ProductRow;
let pair: BrowserKeyPair;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  product = await addProduct(t.db);
  pair = await browserKeyPair();
  const res = await t.app.inject({
    method: 'PUT',
    url: '/console/v1/orgs/default/public-key',
    headers: { 'x-auth-token': token },
    payload: { publicKey: await spkiPem(pair.publicKey) },
  });
  expect(res.statusCode).toBe(204);
});
afterAll(() => t.close());

const OLD_SECRET = 'OldSecretOldSecretOldSecret12345';
const url002 = (locator: string, orgId = 'default') => `/connect-service/v2.4/devices?action=replaceDevice&orgId=${orgId}&${locator}`;
const post = (url: string, payload: unknown, auth: string = token) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-auth-token': auth }, payload: JSON.stringify(payload) });
const device = (over: Partial<NewDeviceRow> = {}) => addDeviceWithSecret(t, product, OLD_SECRET, over);
const row = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** EnOS refusals travel with HTTP 200 (002), and change nothing. */
async function expectRefused(send: () => ReturnType<typeof post>, code: number, msg: string) {
  const res = await unchangedBy(t.db, send);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ code, msg, requestId: res.headers['x-request-id'], data: null });
}

describe('POST ?action=replaceDevice (002)', () => {
  it('answers the Return Sample to the Request Sample, with a secret the browser can open', async () => {
    const d = await device({ connected: 1, online_status: 1 });
    const res = await post(url002(`assetId=${d.asset_id}`), { newDeviceKey: 'yourNewDeviceKey', requireSecret: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      code: 0,
      msg: 'OK',
      requestId: res.headers['x-request-id'],
      data: {
        assetId: d.asset_id,
        productKey: product.product_key,
        deviceKey: 'yourNewDeviceKey',
        deviceSecret: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
        sessionKey: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      },
    });
    const secret = await openSecret(pair.privateKey, body.data);
    expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);

    // 002: the old credentials stop working, the new ones work; the device is disconnected and inactive.
    expect(await canConnect(t, d, OLD_SECRET)).toBe(false);
    expect(await canConnect(t, d, secret)).toBe(true);
    expect(await row(d.id)).toMatchObject({
      asset_id: d.asset_id,
      device_key: 'yourNewDeviceKey',
      connected: 0,
      online_status: 0,
      revision: d.revision + 1,
      last_updated_user: 'admin',
    });
  });

  it('stores the new secret nowhere in clear: not in any column of any table', async () => {
    const d = await device();
    const res = await post(url002(`assetId=${d.asset_id}`), { newDeviceKey: 'clear-check', requireSecret: true });
    const secret = await openSecret(pair.privateKey, res.json().data);
    expect(res.body).not.toContain(secret);
    const tables = await t.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['devices', 'org_public_keys', 'tokens']));
    for (const table of tables) {
      const rows = await t.db.selectFrom(table.name as 'devices').selectAll().execute();
      expect(JSON.stringify(rows), table.name).not.toContain(secret);
    }
  });

  it('logs nothing of the secret', async () => {
    const lines: string[] = [];
    const logged = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } } });
    const d = await device();
    const res = await logged.inject({
      method: 'POST',
      url: url002(`assetId=${d.asset_id}`),
      headers: { 'x-auth-token': token },
      payload: { newDeviceKey: 'log-check', requireSecret: true },
    });
    await logged.close();
    const secret = await openSecret(pair.privateKey, res.json().data);
    expect(lines.join('\n')).toContain(res.headers['x-request-id']);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it('finds the device by productKey + deviceKey in the query', async () => {
    const d = await device();
    const res = await post(url002(`productKey=${product.product_key}&deviceKey=${d.device_key}`), { newDeviceKey: 'by-pk-dk' });
    expect(res.json()).toMatchObject({ code: 0, data: { assetId: d.asset_id, deviceKey: 'by-pk-dk' } });
  });

  it.each([
    ['false', { requireSecret: false }],
    ['absent', {}],
  ])('returns no deviceSecret or sessionKey when requireSecret is %s, yet still renews the secret', async (_case, extra) => {
    const d = await device();
    const newDeviceKey = `no-secret-${_case}`;
    const res = await post(url002(`assetId=${d.asset_id}`), { newDeviceKey, ...extra });
    expect(res.json().data).toEqual({ assetId: d.asset_id, productKey: product.product_key, deviceKey: newDeviceKey });
    expect((await row(d.id)).secret_sealed).not.toBe(d.secret_sealed);
    expect(await canConnect(t, d, OLD_SECRET)).toBe(false);
  });

  it.each([
    ['4', 'k-_.'],
    ['64', 'K'.repeat(64)],
  ])('accepts a newDeviceKey of %s characters', async (_len, newDeviceKey) => {
    const d = await device();
    expect((await post(url002(`assetId=${d.asset_id}`), { newDeviceKey })).json()).toMatchObject({ code: 0, data: { deviceKey: newDeviceKey } });
  });

  it.each([
    ['3 characters', 'abc', 'Device key must be at least 4 characters.'],
    ['65 characters', 'K'.repeat(65), 'Device key must be at most 64 characters.'],
    ['a dollar sign', 'abc$def', 'Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).'],
    ['a space', 'abc def', 'Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).'],
    ['a non-ASCII letter', 'ключ-1234', 'Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).'],
    ['a number', 12345, 'Invalid input: expected string, received number'],
  ])('refuses a newDeviceKey with %s: 99400 naming the field', async (_case, newDeviceKey, why) => {
    const d = await device();
    await expectRefused(() => post(url002(`assetId=${d.asset_id}`), { newDeviceKey }), 99400, `Invalid arguments: newDeviceKey: ${why}`);
  });

  it('refuses a missing newDeviceKey, a non-boolean requireSecret and a non-object body', async () => {
    const d = await device();
    const url = url002(`assetId=${d.asset_id}`);
    await expectRefused(() => post(url, { requireSecret: true }), 99400, 'Invalid arguments: newDeviceKey: Invalid input: expected string, received undefined');
    await expectRefused(() => post(url, { newDeviceKey: 'fine-key', requireSecret: 'yes' }), 99400, 'Invalid arguments: requireSecret: Invalid input: expected boolean, received string');
    await expectRefused(() => post(url, ['fine-key']), 99400, 'Invalid arguments: body: Invalid input: expected object, received array');
  });

  it.each([
    ['no device', ''],
    ['productKey alone', 'productKey=pk1'],
    ['deviceKey alone', 'deviceKey=dk1'],
    ['an empty assetId', 'assetId='],
    ['two assetIds', 'assetId=a&assetId=b'],
  ])('refuses %s in the query: 99400 "Device information is invalid."', async (_case, locator) => {
    await expectRefused(() => post(url002(locator), { newDeviceKey: 'fine-key' }), 99400, ENOS_MESSAGES.deviceInfoInvalid);
  });

  it('checks the query before the body, and the body before the device', async () => {
    await expectRefused(() => post(url002(''), { newDeviceKey: 'x' }), 99400, ENOS_MESSAGES.deviceInfoInvalid);
    await expectRefused(() => post(url002('assetId=no-such-asset'), { newDeviceKey: 'x' }), 99400, 'Invalid arguments: newDeviceKey: Device key must be at least 4 characters.');
  });

  it('answers 11404 for an unknown device', async () => {
    await expectRefused(() => post(url002('assetId=no-such-asset'), { newDeviceKey: 'fine-key' }), 11404, 'Device cannot be found');
    await expectRefused(() => post(url002(`productKey=${product.product_key}&deviceKey=no-such-key`), { newDeviceKey: 'fine-key' }), 11404, 'Device cannot be found');
  });

  it('answers 11704 when the new key is the current one', async () => {
    const d = await device();
    await expectRefused(() => post(url002(`assetId=${d.asset_id}`), { newDeviceKey: d.device_key, requireSecret: true }), 11704, 'DeviceKey is repetitive');
  });

  it('answers 11702 when another device of the product has the key, but not for another product', async () => {
    const [d, neighbour] = [await device(), await device()];
    await expectRefused(() => post(url002(`assetId=${d.asset_id}`), { newDeviceKey: neighbour.device_key }), 11702, 'DeviceKey existed');
    const stranger = await addDevice(t.db, await addProduct(t.db));
    expect((await post(url002(`assetId=${d.asset_id}`), { newDeviceKey: stranger.device_key })).json().code).toBe(0);
  });

  it('answers 11702 to the loser of two concurrent replaces to one key', async () => {
    const [a, b] = [await device(), await device()];
    const [ra, rb] = await Promise.all([
      post(url002(`assetId=${a.asset_id}`), { newDeviceKey: 'raced-key' }),
      post(url002(`assetId=${b.asset_id}`), { newDeviceKey: 'raced-key' }),
    ]);
    expect([ra.json().code, rb.json().code].sort()).toEqual([0, 11702]);
  });

  it('answers 11858 when secrets are asked for and the org has no public key', async () => {
    const acme = await t.token('acme-admin');
    const d = await addDevice(t.db, await addProduct(t.db, 'acme'));
    const url = url002(`assetId=${d.asset_id}`, 'acme-org');
    await expectRefused(() => post(url, { newDeviceKey: 'acme-key', requireSecret: true }, acme), 11858, 'Unable to find public key');
    expect((await post(url, { newDeviceKey: 'acme-key', requireSecret: false }, acme)).json().code).toBe(0);
  });

  it('answers malformed JSON with HTTP 200 and 99400', async () => {
    const d = await device();
    const res = await unchangedBy(t.db, () =>
      t.app.inject({ method: 'POST', url: url002(`assetId=${d.asset_id}`), headers: { 'x-auth-token': token, 'content-type': 'application/json' }, payload: '{"newDeviceKey":' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 99400, msg: expect.stringMatching(/^Invalid arguments: /), data: null });
  });
});

describe('tenants and tokens', () => {
  it('answers 11404 to another tenant, whichever org it names', async () => {
    const d = await device();
    const acme = await t.token('acme-admin');
    await expectRefused(() => post(url002(`assetId=${d.asset_id}`), { newDeviceKey: 'stolen-key' }, acme), 11404, 'Device cannot be found');
    await expectRefused(() => post(url002(`assetId=${d.asset_id}`, 'acme-org'), { newDeviceKey: 'stolen-key' }, acme), 11404, 'Device cannot be found');
  });

  it('refuses a request without a valid token with 401', async () => {
    const d = await device();
    for (const headers of [{}, { 'x-auth-token': 'expired-or-forged' }]) {
      const res = await unchangedBy(t.db, () => t.app.inject({ method: 'POST', url: url002(`assetId=${d.asset_id}`), headers, payload: { newDeviceKey: 'fine-key' } }));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 401, data: null });
    }
  });
});
