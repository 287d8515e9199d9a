import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { DEVICES, send } from '../test-support/roma-client';
import { createTestApp, type TestApp } from '../test-support/test-app';

let t: TestApp;
let product: ProductRow;

beforeAll(async () => {
  t = await createTestApp();
  product = await addProduct(t.db);
});
afterAll(() => t.close());

const namesIn = (body: { items: Array<{ device_name: string }> }) => body.items.map((d) => d.device_name);

describe('the list and the summary as the database changes (SQLite keeps answers until it does)', () => {
  it('shows a device renamed through the API at once', async () => {
    const device = await addDevice(t.db, product, { device_name: 'before-rename' });
    const url = `${DEVICES}?device_name=rename`;
    expect(namesIn((await send(t, 'GET', url)).json())).toEqual(['before-rename']);
    const renamed = await send(t, 'PUT', `${DEVICES}/${device.id}`, { device_name: 'after-rename', status: 0, description: 'renamed', tags: [] });
    expect(renamed.statusCode).toBe(200);
    expect(namesIn((await send(t, 'GET', url)).json())).toEqual(['after-rename']);
  });

  it('shows devices forced offline at once', async () => {
    const device = await addDevice(t.db, product, { device_name: 'cache-online', online_status: 1, connected: 1 });
    const url = `${DEVICES}?device_name=cache-online`;
    expect((await send(t, 'GET', url)).json().items[0].online_status).toBe(1);
    expect((await send(t, 'POST', `${DEVICES}/force-offline`, { device_ids: [device.id] })).statusCode).toBe(200);
    expect((await send(t, 'GET', url)).json().items[0].online_status).toBe(2);
  });

  it('counts a device added in the summary at once', async () => {
    const url = '/console/v1/projects/default/instances/default/device-summary';
    const first = (await send(t, 'GET', url)).json().total as number;
    await addDevice(t.db, product);
    expect((await send(t, 'GET', url)).json().total).toBe(first + 1);
  });

  it('counts a device written to the database outside the API', async () => {
    const first = (await send(t, 'GET', `${DEVICES}?limit=1`)).json().total as number;
    await addDevice(t.db, product);
    expect((await send(t, 'GET', `${DEVICES}?limit=1`)).json().total).toBe(first + 1);
  });

  it('sends the same bytes from the database and from what it kept', async () => {
    const url = `${DEVICES}?limit=5&sort=-device_name`;
    const first = await send(t, 'GET', url);
    const second = await send(t, 'GET', url);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['content-type']).toBe(second.headers['content-type']);
  });
});

describe('what the app keeps while the data version holds', () => {
  let version = 0;
  let app: FastifyInstance;
  const get = (url: string, token: string) => app.inject({ method: 'GET', url, headers: { 'x-auth-token': token } });

  beforeAll(async () => {
    app = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, dataVersion: () => String(version), tokenTtlSeconds: 60 });
    await app.ready();
  });
  afterAll(() => app.close());
  afterEach(() => vi.useRealTimers());

  it('answers a page it has kept until the version moves', async () => {
    const token = await t.token();
    const device = await addDevice(t.db, product, { device_name: 'kept-page' });
    const url = `${DEVICES}?device_name=kept-page`;
    expect(namesIn((await get(url, token)).json())).toEqual(['kept-page']);
    await t.db.updateTable('devices').set({ device_name: 'kept-page-renamed' }).where('id', '=', device.id).execute();
    expect(namesIn((await get(url, token)).json())).toEqual(['kept-page']);
    version++;
    expect(namesIn((await get(url, token)).json())).toEqual(['kept-page-renamed']);
  });

  it('reads the database again for a request that says Cache-Control: no-cache, and keeps that answer', async () => {
    const token = await t.token();
    const device = await addDevice(t.db, product, { device_name: 'no-cache-page' });
    version++;
    const url = `${DEVICES}?device_name=no-cache-page`;
    expect(namesIn((await get(url, token)).json())).toEqual(['no-cache-page']);
    await t.db.updateTable('devices').set({ device_name: 'no-cache-page-renamed' }).where('id', '=', device.id).execute();
    const fresh = await app.inject({ method: 'GET', url, headers: { 'x-auth-token': token, 'cache-control': 'no-cache' } });
    expect(namesIn(fresh.json())).toEqual(['no-cache-page-renamed']);
    expect(namesIn((await get(url, token)).json())).toEqual(['no-cache-page-renamed']);
  });

  it('keeps the console summary the same way', async () => {
    const token = await t.token();
    const url = '/console/v1/projects/default/instances/default/device-summary?device_name=kept-summary';
    await addDevice(t.db, product, { device_name: 'kept-summary-1' });
    version++;
    expect((await get(url, token)).json().total).toBe(1);
    await addDevice(t.db, product, { device_name: 'kept-summary-2' });
    expect((await get(url, token)).json().total).toBe(1);
    const fresh = await app.inject({ method: 'GET', url, headers: { 'x-auth-token': token, 'cache-control': 'no-cache' } });
    expect(fresh.json().total).toBe(2);
    await addDevice(t.db, product, { device_name: 'kept-summary-3' });
    version++;
    expect((await get(url, token)).json().total).toBe(3);
  });

  it('keeps pages apart by workspace and by every parameter', async () => {
    const token = await t.token();
    const acme = await t.token('acme-admin');
    await addDevice(t.db, await addProduct(t.db, 'acme'), { device_name: 'kept-acme' });
    version++;
    expect(namesIn((await get(`${DEVICES}?device_name=kept-acme`, token)).json())).toEqual([]);
    expect(namesIn((await get('/v2/acme/link/instances/acme-instance/devices?device_name=kept-acme', acme)).json())).toEqual(['kept-acme']);
    expect((await get(`${DEVICES}?device_name=kept-acme&limit=2`, token)).json().items).toEqual([]);
  });

  it('admits a kept session only until the version moves or the token expires; on PostgreSQL none is kept', async () => {
    const token = await t.token();
    expect((await get(`${DEVICES}?limit=1`, token)).statusCode).toBe(200);
    await t.db.deleteFrom('tokens').execute();
    // PostgreSQL looks the token up on every call, so another replica's sign-out holds at once.
    expect((await get(`${DEVICES}?limit=1`, token)).statusCode).toBe(t.dialect === 'sqlite' ? 200 : 401);
    version++;
    expect((await get(`${DEVICES}?limit=1`, token)).statusCode).toBe(401);

    const later = await t.token();
    version++;
    expect((await get(`${DEVICES}?limit=1`, later)).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_601_000 });
    expect((await get(`${DEVICES}?limit=1`, later)).statusCode).toBe(401);
  });
});
