import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { forceOfflineResponseSchema } from '@/contracts/roma';
import type { ProductRow } from '../db/schema';
import { addDevice, addProduct, snapshot } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter, expectRefused, send, type SendOptions } from '../test-support/roma-client';

const FORCE = '/v2/default/link/instances/default/devices/force-offline';
/** 004's own example of a refusal, to the letter. */
const BAD_BODY = badParameter('romalink.link-device.forceDisconnect', 'deviceDisconnectRequest', 'body');
const notFound = (id: number) => ({
  id,
  device_name: '',
  device_id: id,
  error_code: 'ROMA.00110006',
  error_msg: `The resource does not exist. Check whether the resource ID ${id} is correct.`,
});

let t: TestApp;
let product: ProductRow;
let acmeProduct: ProductRow;

beforeAll(async () => {
  t = await createTestApp();
  product = await addProduct(t.db);
  acmeProduct = await addProduct(t.db, 'acme');
});
afterAll(() => t.close());

const force = (payload: unknown, options: SendOptions & { url?: string } = {}) => send(t, 'POST', options.url ?? FORCE, payload, options);
const refused = (request: () => ReturnType<typeof force>, status: number, code: string, message?: string) =>
  expectRefused(t, request, status, code, message);
const rowOf = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('POST …/devices/force-offline (004)', () => {
  it('takes 004’s example request: unknown ids fail with ROMA.00110006', async () => {
    const before = await snapshot(t.db);
    const res = await force({ device_ids: [10001, 10002] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: [], failed: [notFound(10001), notFound(10002)] });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('answers 004’s response shape for devices that exist', async () => {
    const a = await addDevice(t.db, product, { id: 20001, device_name: 'success', online_status: 1, connected: 1 });
    const res = await force({ device_ids: [a.id, 20002] });
    expect(res.statusCode).toBe(200);
    expect(z.strictObject(forceOfflineResponseSchema.shape).parse(res.json())).toEqual({
      success: [{ id: 20001, device_name: 'success', device_id: 20001 }],
      failed: [notFound(20002)],
    });
  });

  it('disconnects each device as the rule says and touches only the ones that change', async () => {
    const online = await addDevice(t.db, product, { online_status: 1, connected: 1, device_name: 'online' });
    const shownOnline = await addDevice(t.db, product, { online_status: 1, connected: 0, device_name: 'shown-online' });
    const offline = await addDevice(t.db, product, { online_status: 2, connected: 0, device_name: 'offline', last_updated_user: 'earlier' });
    const inactive = await addDevice(t.db, product, { online_status: 0, connected: 0, device_name: 'inactive', last_updated_user: 'earlier' });
    const startedAt = Date.now();
    const res = await force({ device_ids: [inactive.id, online.id, offline.id, shownOnline.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      success: [inactive, online, offline, shownOnline].map((d) => ({ id: d.id, device_name: d.device_name, device_id: d.id })),
      failed: [],
    });
    for (const changed of [online, shownOnline]) {
      const row = await rowOf(changed.id);
      expect(row).toMatchObject({ connected: 0, online_status: 2, revision: 2, last_updated_user: 'admin' });
      expect(row.last_updated_datetime).toBeGreaterThanOrEqual(startedAt);
    }
    expect(await rowOf(offline.id)).toEqual(offline);
    expect(await rowOf(inactive.id)).toEqual(inactive);
  });

  it('answers each id once, rounding fractions down first', async () => {
    const device = await addDevice(t.db, product, { online_status: 1, connected: 1 });
    const res = await force({ device_ids: [device.id, device.id + 0.9, device.id, 99_999_990.5] });
    expect(res.json()).toEqual({
      success: [{ id: device.id, device_name: device.device_name, device_id: device.id }],
      failed: [notFound(99_999_990)],
    });
    expect((await rowOf(device.id)).revision).toBe(2);
  });

  it('treats another tenant’s device as not found and leaves it connected', async () => {
    const theirs = await addDevice(t.db, acmeProduct, { online_status: 1, connected: 1 });
    const res = await force({ device_ids: [theirs.id] });
    expect(res.json()).toEqual({ success: [], failed: [notFound(theirs.id)] });
    expect(await rowOf(theirs.id)).toEqual(theirs);
  });

  it('takes 1,000 ids in one call', async () => {
    const devices = await Promise.all(Array.from({ length: 40 }, () => addDevice(t.db, product, { online_status: 1, connected: 1 })));
    const known = devices.map((d) => d.id);
    const unknown = Array.from({ length: 1000 - known.length }, (_, i) => 50_000_000 + i);
    const res = await force({ device_ids: [...unknown, ...known] });
    expect(res.statusCode).toBe(200);
    const body = forceOfflineResponseSchema.parse(res.json());
    expect(body.success.map((s) => s.id)).toEqual(known);
    expect(body.failed).toHaveLength(960);
    expect(body.failed[0]).toEqual(notFound(50_000_000));
    const rows = await t.db.selectFrom('devices').select(['connected', 'online_status']).where('id', 'in', known).execute();
    expect(rows.every((r) => r.connected === 0 && r.online_status === 2)).toBe(true);
  });
});

describe('POST …/devices/force-offline: refusals', () => {
  const badBodies: Array<[string, unknown]> = [
    ['no ids', { device_ids: [] }],
    ['1,001 ids', { device_ids: Array.from({ length: 1001 }, (_, i) => i + 1) }],
    ['a negative id', { device_ids: [1, -1] }],
    ['an id as a string', { device_ids: ['1'] }],
    ['an id beyond 2^53', { device_ids: [2 ** 53 + 2] }],
    ['null in the list', { device_ids: [1, null] }],
    ['device_ids as a number', { device_ids: 1 }],
    ['no device_ids', {}],
    ['an array instead of an object', [1, 2]],
    ['null', null],
  ];
  it.each(badBodies)('refuses %s with 004’s message and changes nothing', async (_name, payload) => {
    await refused(() => force(payload), 400, 'SCB.00000000', BAD_BODY);
  });

  it('refuses malformed JSON and a huge body without a 500', async () => {
    await refused(() => force(undefined, { raw: '{"device_ids": [1,' }), 400, 'SCB.00000000', 'The request is malformed.');
    const huge = `{"device_ids": [${'1,'.repeat(600_000)}1]}`;
    await refused(() => force(undefined, { raw: huge }), 413, 'SCB.00000000', 'The request body is too large.');
  });

  it('refuses without a valid token, with 401 APIGW.0301', async () => {
    const device = await addDevice(t.db, product, { online_status: 1, connected: 1 });
    await refused(() => t.app.inject({ method: 'POST', url: FORCE, payload: { device_ids: [device.id] } }), 401, 'APIGW.0301');
    await refused(() => force({ device_ids: [device.id] }, { as: 'garbage' }), 401, 'APIGW.0301');
  });

  it('answers ROMA.00110002 to another tenant and leaves the devices connected', async () => {
    const device = await addDevice(t.db, product, { online_status: 1, connected: 1 });
    const acme = await t.token('acme-admin');
    await refused(
      () => force({ device_ids: [device.id] }, { as: acme }),
      404,
      'ROMA.00110002',
      'The instance does not exist. project_id: default, instance_id: default',
    );
    expect(await rowOf(device.id)).toMatchObject({ connected: 1, online_status: 1 });
  });
});
