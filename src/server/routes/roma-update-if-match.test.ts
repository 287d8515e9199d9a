import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { DEVICES, expectRefused, send, type SendOptions } from '../test-support/roma-client';

/** 001's example request. */
const SAMPLE = { device_name: 'device', status: 0, description: 'device', tags: ['tag1', 'tag2'] };

let t: TestApp;
let product: ProductRow;

beforeAll(async () => {
  t = await createTestApp();
  product = await addProduct(t.db);
});
afterAll(() => t.close());

/** A string payload is sent as raw JSON text. */
const put = (id: number | string, payload: unknown, options: SendOptions & { base?: string } = {}) =>
  send(t, 'PUT', `${options.base ?? DEVICES}/${id}`, typeof payload === 'string' ? undefined : payload, {
    ...options,
    ...(typeof payload === 'string' ? { raw: payload } : {}),
  });
const refused = (request: () => ReturnType<typeof put>, status: number, code: string, message?: string) =>
  expectRefused(t, request, status, code, message);
const rowOf = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tagsOf = async (id: number) =>
  (await t.db.selectFrom('device_tags').select('tag').where('device_id', '=', id).orderBy('tag').execute()).map((r) => r.tag);

describe('PUT …/devices/{device_id}: no lost updates (If-Match)', () => {
  const etagOf = async (id: number) =>
    (await send(t, 'GET', `${DEVICES}/${id}`)).headers.etag as string;

  it('writes with the current ETag and answers the next one', async () => {
    const device = await addDevice(t.db, product);
    const etag = await etagOf(device.id);
    expect(etag).toBe(`"${device.id}.1"`);
    const res = await put(device.id, SAMPLE, { headers: { 'if-match': etag } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${device.id}.2"`);
  });

  it('refuses a stale ETag with 412 in the ROMA envelope and changes nothing', async () => {
    const device = await addDevice(t.db, product, { description: 'original' });
    const stale = await etagOf(device.id);
    expect((await put(device.id, { device_name: 'first-writer', status: 0 }, { headers: { 'if-match': stale } })).statusCode).toBe(200);
    await refused(
      () => put(device.id, { ...SAMPLE, device_name: 'second-writer' }, { headers: { 'if-match': stale } }),
      412,
      'ROMA.00110412',
      `The device ${device.id} has been modified since it was read: If-Match does not match its current ETag. Reload the device and try again.`,
    );
    expect(await rowOf(device.id)).toMatchObject({ device_name: 'first-writer', description: 'original', revision: 2 });
  });

  it('compares strongly: a weak tag, another device’s tag or garbage never match; * and a list holding the current tag do', async () => {
    const device = await addDevice(t.db, product);
    const other = await addDevice(t.db, product);
    const etag = await etagOf(device.id);
    for (const ifMatch of [`W/${etag}`, `"${other.id}.1"`, 'garbage', '']) {
      await refused(() => put(device.id, SAMPLE, { headers: { 'if-match': ifMatch } }), 412, 'ROMA.00110412');
    }
    expect((await put(device.id, SAMPLE, { headers: { 'if-match': `"x", ${etag}` } })).statusCode).toBe(200);
    expect((await put(device.id, SAMPLE, { headers: { 'if-match': '*' } })).statusCode).toBe(200);
    expect((await rowOf(device.id)).revision).toBe(3);
  });

  it('lets exactly one of two concurrent writers with the same ETag win', async () => {
    const device = await addDevice(t.db, product);
    const etag = await etagOf(device.id);
    const [a, b] = await Promise.all([
      put(device.id, { device_name: 'writer-a', status: 0, tags: ['a'] }, { headers: { 'if-match': etag } }),
      put(device.id, { device_name: 'writer-b', status: 1, tags: ['b'] }, { headers: { 'if-match': etag } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? a : b;
    const row = await rowOf(device.id);
    expect(row.revision).toBe(2);
    expect(row.device_name).toBe(winner.json().device_name);
    expect(await tagsOf(device.id)).toEqual(winner.json().tags);
  });

  it('still works without If-Match, as 001 documents: the last write wins', async () => {
    const device = await addDevice(t.db, product);
    await put(device.id, { device_name: 'someone-else', status: 0 });
    const res = await put(device.id, SAMPLE);
    expect(res.statusCode).toBe(200);
    expect((await rowOf(device.id)).device_name).toBe('device');
  });

  it('answers 404, not 412, when the device does not exist', async () => {
    await refused(() => put(99_999_998, SAMPLE, { headers: { 'if-match': '"99999998.1"' } }), 404, 'ROMA.00110006');
  });
});
