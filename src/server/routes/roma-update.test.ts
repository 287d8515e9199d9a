import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { deviceSchema } from '@/contracts/device';
import type { DeviceRow, ProductRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter, DEVICES, expectRefused, send, type SendOptions } from '../test-support/roma-client';

const UPDATE = 'romalink.link-device.update';
const badBody = (parameter: string) => badParameter(UPDATE, parameter, 'body');
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

describe('PUT …/devices/{device_id}: 001 as documented', () => {
  it('takes 001’s example request and answers the full device with a new ETag', async () => {
    const device = await addDevice(t.db, product, { description: 'old', tags: ['old-tag'], last_updated_user: 'someone', revision: 3 });
    const startedAt = Date.now();
    const res = await put(device.id, SAMPLE);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${device.id}.4"`);
    const body = z.strictObject(deviceSchema.shape).parse(res.json());
    expect(body).toMatchObject({
      id: device.id,
      device_id: device.id,
      device_name: 'device',
      status: 0,
      description: 'device',
      tags: ['tag1', 'tag2'],
      last_updated_user: { user_id: '', user_name: 'admin' },
      created_user: { user_id: '', user_name: 'admin' },
      node_id: device.node_id,
    });
    expect(body.last_updated_datetime).toBeGreaterThanOrEqual(startedAt);
    // Every key of 001's example response, except the IPv6 addresses we do not have and the password we never send.
    for (const key of ['permissions', 'product', 'instance_id', 'client_id', 'app_name', 'online_status', 'authentication', 'created_datetime',
      'connect_address', 'ssl_connect_address', 'node_type', 'device_type', 'app_id']) {
      expect(body).toHaveProperty(key);
    }
    expect(body.authentication).toEqual({ user_name: device.auth_user_name });
    const row = await rowOf(device.id);
    expect(row).toMatchObject({ device_name: 'device', status: 0, description: 'device', revision: 4, last_updated_user: 'admin' });
    expect(await tagsOf(device.id)).toEqual(['tag1', 'tag2']);
    const again = await send(t, 'GET', `${DEVICES}/${device.id}`);
    expect(again.headers.etag).toBe(res.headers.etag);
    expect(again.json()).toEqual(res.json());
  });

  it('keeps description and tags when they are absent, and clears the tags with []', async () => {
    const device = await addDevice(t.db, product, { description: 'kept', tags: ['kept-tag'] });
    const res = await put(device.id, { device_name: 'renamed', status: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ device_name: 'renamed', status: 1, description: 'kept', tags: ['kept-tag'] });
    const cleared = await put(device.id, { device_name: 'renamed', status: 1, description: '', tags: [] });
    expect(cleared.json()).toMatchObject({ description: '', tags: [] });
    expect(await tagsOf(device.id)).toEqual([]);
    expect((await rowOf(device.id)).revision).toBe(3);
  });

  it('ignores fields 001 does not let a caller set', async () => {
    const device = await addDevice(t.db, product, { online_status: 1, connected: 1 });
    const res = await put(device.id, { ...SAMPLE, online_status: 0, id: 1, frozen: true, permissions: [] });
    expect(res.statusCode).toBe(200);
    expect(await rowOf(device.id)).toMatchObject({ id: device.id, online_status: 1, connected: 1, frozen: 0, permissions: device.permissions });
  });
});

describe('PUT …/devices/{device_id}: 001’s limits at and past each edge', () => {
  let device: DeviceRow;
  beforeAll(async () => {
    device = await addDevice(t.db, product);
  });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a name of 2 characters', { device_name: 'ab' }],
    ['a name of 64 characters', { device_name: 'n'.repeat(64) }],
    ...[...`()_,#.?'-@%&!`].map((c): [string, Record<string, unknown>] => [`the special character ${c}`, { device_name: `a${c}b` }]),
    ['letters of any script', { device_name: 'Gerät-温度' }],
    ['a description of 200 characters', { description: 'd'.repeat(200) }],
    ['a tag of 64 characters', { tags: ['t'.repeat(64)] }],
    ['status 1', { status: 1 }],
    ['status 0', { status: 0 }],
    ['50 tags', { tags: Array.from({ length: 50 }, (_, i) => `tag-${i}`) }],
  ];
  it.each(accepted)('accepts %s', async (_name, change) => {
    const body: { device_name: string; status: number; tags?: string[] } = { device_name: 'valid-name', status: 0, ...change };
    const res = await put(device.id, body);
    expect(res.statusCode).toBe(200);
    // Tags come back in the database's order, not the order sent.
    expect(res.json()).toMatchObject({ ...body, ...(body.tags ? { tags: [...body.tags].sort() } : {}) });
    expect(await rowOf(device.id)).toMatchObject({ device_name: body.device_name, status: body.status });
  });

  const badBodies: Array<[string, string, unknown]> = [
    ['a name of 1 character', 'device_name', { device_name: 'a', status: 0 }],
    ['a name of 65 characters', 'device_name', { device_name: 'n'.repeat(65), status: 0 }],
    ['a name with a space', 'device_name', { device_name: 'two words', status: 0 }],
    ['a name with a character outside 001’s list', 'device_name', { device_name: 'semi;colon', status: 0 }],
    ['a missing name', 'device_name', { status: 0 }],
    ['a numeric name', 'device_name', { device_name: 12, status: 0 }],
    ['a description of 201 characters', 'description', { device_name: 'ok-name', status: 0, description: 'd'.repeat(201) }],
    ['a description with U+0000', 'description', { device_name: 'ok-name', status: 0, description: 'a\u0000b' }],
    ['a tag of 65 characters', 'tags[0]', { device_name: 'ok-name', status: 0, tags: ['t'.repeat(65)] }],
    ['an empty tag', 'tags[1]', { device_name: 'ok-name', status: 0, tags: ['fine', ''] }],
    ['a tag with U+0000', 'tags[1]', { device_name: 'ok-name', status: 0, tags: ['fine', 'nul\u0000'] }],
    ['tags that repeat', 'tags', { device_name: 'ok-name', status: 0, tags: ['same', 'same'] }],
    ['51 tags', 'tags', { device_name: 'ok-name', status: 0, tags: Array.from({ length: 51 }, (_, i) => `tag-${i}`) }],
    ['tags as a string', 'tags', { device_name: 'ok-name', status: 0, tags: 'tag1' }],
    ['status 2', 'status', { device_name: 'ok-name', status: 2 }],
    ['status "0"', 'status', { device_name: 'ok-name', status: '0' }],
    ['status 0.5', 'status', { device_name: 'ok-name', status: 0.5 }],
    ['a missing status', 'status', { device_name: 'ok-name' }],
    ['an array instead of an object', 'body', [SAMPLE]],
    ['null', 'body', null],
    ['a JSON string', 'body', '"device"'],
  ];
  it.each(badBodies)('refuses %s, naming [%s], and changes nothing', async (_name, parameter, payload) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    await refused(() => put(device.id, body), 400, 'SCB.00000000', badBody(parameter));
  });

  it('refuses malformed, empty, oversized and non-JSON bodies without a 500', async () => {
    await refused(() => put(device.id, '{"device_name": "x",'), 400, 'SCB.00000000', 'The request is malformed.');
    await refused(() => put(device.id, undefined), 400, 'SCB.00000000', badBody('body'));
    await refused(() => put(device.id, ''), 400, 'SCB.00000000');
    const huge = JSON.stringify({ ...SAMPLE, description: 'd'.repeat(2 * 1024 * 1024) });
    await refused(() => put(device.id, huge), 413, 'SCB.00000000', 'The request body is too large.');
    await refused(() => put(device.id, 'device_name=x', { headers: { 'content-type': 'text/plain' } }), 400, 'SCB.00000000', badBody('body'));
    await refused(() => put(device.id, '<device/>', { headers: { 'content-type': 'application/xml' } }), 415, 'SCB.00000000');
  });

  it('refuses a bad device_id with 001’s own example message', async () => {
    for (const id of ['abc', '1'.repeat(18), '-5']) {
      await refused(
        () => put(id, SAMPLE),
        400,
        'SCB.00000000',
        badParameter(UPDATE, 'deviceOid', 'path'),
      );
    }
  });

  it('answers 404 ROMA.00110006 for a device that does not exist', async () => {
    await refused(() => put(99_999_999, SAMPLE), 404, 'ROMA.00110006', 'The resource does not exist. Check whether the resource ID 99999999 is correct.');
  });
});

describe('PUT …/devices/{device_id}: who may write', () => {
  it('refuses without a valid token, with 401 APIGW.0301', async () => {
    const device = await addDevice(t.db, product);
    await refused(() => t.app.inject({ method: 'PUT', url: `${DEVICES}/${device.id}`, payload: SAMPLE }), 401, 'APIGW.0301');
    await refused(() => put(device.id, SAMPLE, { as: 'garbage' }), 401, 'APIGW.0301');
  });

  it('does not let another tenant see or change a device, by either path', async () => {
    const device = await addDevice(t.db, product);
    const acme = await t.token('acme-admin');
    await refused(
      () => put(device.id, SAMPLE, { as: acme }),
      404,
      'ROMA.00110002',
      'The instance does not exist. project_id: default, instance_id: default',
    );
    await refused(() => put(device.id, SAMPLE, { as: acme, base: '/v2/acme/link/instances/acme-instance/devices' }), 404, 'ROMA.00110006');
  });
});
