import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { deviceSummarySchema } from '@/contracts/console';
import { addDevice, addProduct, snapshot } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter } from '../test-support/roma-client';

const SUMMARY = '/console/v1/projects/default/instances/default/device-summary';
const LIST = '/v2/default/link/instances/default/devices';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  const sensors = await addProduct(t.db, 'default', { id: 920001 });
  const meters = await addProduct(t.db, 'default', { id: 920002 });
  const acme = await addProduct(t.db, 'acme');
  await addDevice(t.db, sensors, { device_name: 'sensor-a', online_status: 1, connected: 1, tags: ['roof'], created_datetime: 1_000 });
  await addDevice(t.db, sensors, { device_name: 'sensor-b', online_status: 1, connected: 1, status: 1, created_datetime: 2_000 });
  await addDevice(t.db, sensors, { device_name: 'sensor-c', online_status: 2, frozen: 1, tags: ['roof'], created_datetime: 3_000 });
  await addDevice(t.db, meters, { device_name: 'meter-a', online_status: 0, node_type: 1, created_datetime: 4_000 });
  await addDevice(t.db, meters, { device_name: 'meter-b', online_status: 2, status: 1, frozen: 1, created_datetime: 5_000 });
  await addDevice(t.db, acme, { device_name: 'sensor-acme', online_status: 1, tags: ['roof'] });
});
afterAll(() => t.close());

const summary = (query: Record<string, string> = {}, as = token, url = SUMMARY) => {
  const qs = new URLSearchParams(query).toString();
  return t.app.inject({ method: 'GET', url: qs ? `${url}?${qs}` : url, headers: { 'x-auth-token': as } });
};

describe('GET /console/v1/…/device-summary', () => {
  it('counts the whole fleet of the workspace by online status, status and frozen', async () => {
    const res = await summary();
    expect(res.statusCode).toBe(200);
    expect(z.strictObject(deviceSummarySchema.shape).parse(res.json())).toEqual({
      total: 5,
      online_status: { '0': 1, '1': 2, '2': 2 },
      status: { '0': 3, '1': 2 },
      frozen: 2,
    });
  });

  const filtered: Array<[string, Record<string, string>, unknown]> = [
    ['device_name', { device_name: 'SENSOR' }, { total: 3, online_status: { '0': 0, '1': 2, '2': 1 }, status: { '0': 2, '1': 1 }, frozen: 1 }],
    ['tag', { tag: 'roof' }, { total: 2, online_status: { '0': 0, '1': 1, '2': 1 }, status: { '0': 2, '1': 0 }, frozen: 1 }],
    ['product_id and status', { product_id: '920002', status: '1' }, { total: 1, online_status: { '0': 0, '1': 0, '2': 1 }, status: { '0': 0, '1': 1 }, frozen: 1 }],
    ['online_status list', { online_status: '0,1' }, { total: 3, online_status: { '0': 1, '1': 2, '2': 0 }, status: { '0': 2, '1': 1 }, frozen: 0 }],
    ['frozen and created range', { frozen: 'true', created_date_end: '3000' }, { total: 1, online_status: { '0': 0, '1': 0, '2': 1 }, status: { '0': 1, '1': 0 }, frozen: 1 }],
    ['node_type matching nothing', { node_type: '2' }, { total: 0, online_status: { '0': 0, '1': 0, '2': 0 }, status: { '0': 0, '1': 0 }, frozen: 0 }],
  ];
  it.each(filtered)('counts under the list’s own %s filter', async (_name, query, expected) => {
    const res = await summary(query);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);
    const list = await t.app.inject({ method: 'GET', url: `${LIST}?${new URLSearchParams(query)}`, headers: { 'x-auth-token': token } });
    expect(list.json().total).toBe(res.json().total);
  });

  it('counts only the caller’s tenant on its own project', async () => {
    const res = await summary({}, await t.token('acme-admin'), '/console/v1/projects/acme/instances/acme-instance/device-summary');
    expect(res.json()).toEqual({ total: 1, online_status: { '0': 0, '1': 1, '2': 0 }, status: { '0': 1, '1': 0 }, frozen: 0 });
  });

  it('refuses bad filters, foreign projects and missing tokens in the ROMA envelope, changing nothing', async () => {
    const before = await snapshot(t.db);
    const bad = await summary({ online_status: '4' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error_code: 'SCB.00000000',
      error_msg: badParameter('console.device.summary', 'online_status', 'query'),
      request_id: bad.headers['x-request-id'],
    });
    const foreign = await summary({}, await t.token('acme-admin'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error_code: 'ROMA.00110002', error_msg: 'The instance does not exist. project_id: default, instance_id: default' });
    for (const res of [await t.app.inject({ method: 'GET', url: SUMMARY }), await summary({}, 'garbage')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error_code).toBe('APIGW.0301');
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});
