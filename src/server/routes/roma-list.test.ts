import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { deviceSchema } from '@/contracts/device';
import { LISTED_DEVICE_FIELDS, listDevicesResponseSchema, listedDeviceSchema, SORT_FIELDS, type SortField } from '@/contracts/roma';
import type { DeviceRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter, expectRefused } from '../test-support/roma-client';

const LIST = '/v2/default/link/instances/default/devices';
const badQuery = (parameter: string) => badParameter('romalink.link-device.list', parameter, 'query');

let t: TestApp;
let token: string;
const fleet: Record<string, DeviceRow> = {};
let all: DeviceRow[];

/*
 * Names and node ids are lowercase ASCII with punctuation in the same places, so that SQLite's
 * binary order and any PostgreSQL collation agree on the expected sort orders.
 */
beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
  const gateways = await addProduct(t.db, 'default', { id: 910001, product_type: 1 });
  const meters = await addProduct(t.db, 'default', { id: 910002, protocol_type: 2 });
  const fillers = await addProduct(t.db, 'default', { id: 910003 });
  const acme = await addProduct(t.db, 'acme', { id: 910004 });
  const at = (created: number, updated: number) => ({ created_datetime: created, last_updated_datetime: updated });
  fleet.gateway = await addDevice(t.db, gateways, {
    device_name: 'gateway-alpha', node_id: 'gw-0001', node_type: 1, online_status: 1, connected: 1,
    tags: ['floor1', 'hvac'], last_active_time: 5_000, ...at(1_000, 9_000),
  });
  fleet.sensor = await addDevice(t.db, gateways, {
    device_name: 'sensor_temp', node_id: 'sb-0001', node_type: 2, parent_device_id: fleet.gateway.id, online_status: 1,
    tags: ['floor1'], ...at(2_000, 9_000),
  });
  fleet.meterPercent = await addDevice(t.db, meters, {
    device_name: 'meter-50%', node_id: 'mt-0001', status: 1, frozen: 1, last_active_time: 3_000, ...at(3_000, 8_000),
  });
  fleet.meter500 = await addDevice(t.db, meters, { device_name: 'meter-500', node_id: 'mt-0002', online_status: 0, ...at(4_000, 8_000) });
  fleet.sensorx = await addDevice(t.db, gateways, {
    device_name: 'sensorxtemp', node_id: 'sx-0001', online_status: 0, tags: ['hvac'], last_active_time: 1_000, ...at(5_000, 7_000),
  });
  fleet.pump = await addDevice(t.db, meters, { device_name: 'pump', node_id: 'pm-0001', status: 1, ...at(6_000, 7_000) });
  for (let i = 1; i <= 6; i++) {
    fleet[`filler${i}`] = await addDevice(t.db, fillers, { device_name: `filler-0${i}`, node_id: `fl-000${i}`, ...at(10_000 + i, 6_000) });
  }
  fleet.acme = await addDevice(t.db, acme, { device_name: 'gateway-alpha', node_id: 'gw-0001', tags: ['floor1'], ...at(1_000, 1_000) });
  all = Object.values(fleet).filter((d) => d.workspace_id === 'default');
});
afterAll(() => t.close());

async function list(query: Record<string, string> = {}, as = token, base = LIST) {
  const qs = new URLSearchParams(query).toString();
  return t.app.inject({ method: 'GET', url: qs ? `${base}?${qs}` : base, headers: { 'x-auth-token': as } });
}
const namesOf = (body: { items: Array<{ device_name: string }> }) => body.items.map((d) => d.device_name);
const idsOf = (body: { items: Array<{ id: number }> }) => body.items.map((d) => d.id);

describe('GET …/devices: the page', () => {
  it('answers the first 10 devices by id with the total of the workspace', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    const body = listDevicesResponseSchema.parse(res.json());
    expect(body.total).toBe(12);
    expect(body.size).toBe(10);
    expect(idsOf(body)).toEqual(all.map((d) => d.id).sort((a, b) => a - b).slice(0, 10));
  });

  it('gives each item the full device, parent and tags included, and never a password', async () => {
    const res = await list({ node_id: 'sb-0001' });
    const [item] = res.json().items;
    expect(z.strictObject(deviceSchema.shape).parse(item)).toEqual(item);
    expect(item).toMatchObject({
      id: fleet.sensor!.id,
      device_id: fleet.sensor!.id,
      parent_device_id: fleet.gateway!.id,
      parent_device_name: 'gateway-alpha',
      device_type: 2,
      node_type: 2,
      instance_id: 'default',
      iotda_device_id: '910001_sb-0001',
      tags: ['floor1'],
      product: { product_id: 910001, product_name: 'Product 910001', product_type: 1 },
      authentication: { user_name: fleet.sensor!.auth_user_name },
    });
    expect(item.authentication).not.toHaveProperty('password');
    expect(item).not.toHaveProperty('last_active_time');
    expect(Object.values(item)).not.toContain(null);
  });

  it('pages with offset and limit over a stable total', async () => {
    const seen: number[] = [];
    for (const offset of [0, 4, 8]) {
      const body = (await list({ offset: String(offset), limit: '4' })).json();
      expect(body.total).toBe(12);
      expect(body.size).toBe(4);
      seen.push(...idsOf(body));
    }
    expect(seen).toEqual(all.map((d) => d.id).sort((a, b) => a - b));
    const past = (await list({ offset: '12', limit: '4' })).json();
    expect(past).toEqual({ total: 12, size: 0, items: [] });
  });

  it('gives only the fields asked for with `fields`, and leaves out an optional one the device lacks', async () => {
    const body = (await list({ node_id: 'sb-0001,gw-0001', fields: 'device_name,last_active_time,product' })).json();
    expect(body).toMatchObject({ total: 2, size: 2 });
    expect(body.items).toEqual([
      { device_name: 'gateway-alpha', last_active_time: 5_000, product: expect.objectContaining({ product_id: 910001 }) },
      { device_name: 'sensor_temp', product: expect.objectContaining({ product_id: 910001 }) },
    ]);
  });

  it('gives the console’s row fields, no more and in its schema, when it asks for them', async () => {
    const res = await list({ node_id: 'sb-0001', fields: LISTED_DEVICE_FIELDS.join(',') });
    const [item] = res.json().items;
    expect(z.strictObject(listedDeviceSchema.shape).parse(item)).toEqual(item);
    expect(item).toMatchObject({ id: fleet.sensor!.id, parent_device_name: 'gateway-alpha', iotda_device_id: '910001_sb-0001', tags: ['floor1'] });
  });

  it('accepts limit 1 and 999, the edges of "Querying Devices"', async () => {
    expect((await list({ limit: '1' })).json()).toMatchObject({ total: 12, size: 1 });
    expect((await list({ limit: '999' })).json()).toMatchObject({ total: 12, size: 12 });
  });
});

describe('GET …/devices: filters', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['device_name is a case-insensitive substring', { device_name: 'METER' }, ['meter-50%', 'meter-500']],
    ['a % in device_name is the character, not a wildcard', { device_name: 'r-50%' }, ['meter-50%']],
    ['an _ in device_name is the character, not a wildcard', { device_name: 'r_t' }, ['sensor_temp']],
    ['product_id', { product_id: '910002' }, ['meter-50%', 'meter-500', 'pump']],
    ['node_id matches any of a comma list exactly', { node_id: 'gw-0001,pm-0001,pm-000' }, ['gateway-alpha', 'pump']],
    ['node_type', { node_type: '2' }, ['sensor_temp']],
    ['online_status takes a comma list', { online_status: '0,1' }, ['gateway-alpha', 'sensor_temp', 'meter-500', 'sensorxtemp']],
    ['status', { status: '1' }, ['meter-50%', 'pump']],
    ['tag is an exact tag', { tag: 'hvac' }, ['gateway-alpha', 'sensorxtemp']],
    ['tag does not match a part of a tag', { tag: 'floor' }, []],
    ['created_date_start and _end are inclusive', { created_date_start: '2000', created_date_end: '4000' }, ['sensor_temp', 'meter-50%', 'meter-500']],
    ['frozen=true', { frozen: 'true' }, ['meter-50%']],
    ['filters combine with AND', { tag: 'floor1', online_status: '1', node_type: '1' }, ['gateway-alpha']],
  ];
  it.each(cases)('%s', async (_name, query, expected) => {
    const res = await list({ ...query, limit: '999' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: expected.length, size: expected.length });
    expect(namesOf(res.json())).toEqual(expected);
  });

  it('frozen=false leaves out only the frozen device', async () => {
    const body = (await list({ frozen: 'false', limit: '999' })).json();
    expect(body.total).toBe(11);
    expect(namesOf(body)).not.toContain('meter-50%');
  });

  it('counts the filtered total across pages', async () => {
    const first = (await list({ product_id: '910003', limit: '4' })).json();
    const second = (await list({ product_id: '910003', limit: '4', offset: '4' })).json();
    expect([first.total, first.size, second.total, second.size]).toEqual([6, 4, 6, 2]);
    expect([...namesOf(first), ...namesOf(second)]).toEqual(['filler-01', 'filler-02', 'filler-03', 'filler-04', 'filler-05', 'filler-06']);
  });
});

describe('GET …/devices: sort', () => {
  // NULL sorts as the largest value; every order ends with the id in the same direction.
  function expectedOrder(field: SortField, direction: 1 | -1): number[] {
    const value = (d: DeviceRow) => d[field];
    return [...all]
      .sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        if (x !== y) {
          if (x === null) return direction;
          if (y === null) return -direction;
          return (x < y ? -1 : 1) * direction;
        }
        return (a.id - b.id) * direction;
      })
      .map((d) => d.id);
  }

  it.each(SORT_FIELDS.flatMap((f) => [[f, 1], [f, -1]] as Array<[SortField, 1 | -1]>))('sort=%s direction %i', async (field, direction) => {
    const res = await list({ sort: direction === 1 ? field : `-${field}`, limit: '999' });
    expect(res.statusCode).toBe(200);
    expect(idsOf(res.json())).toEqual(expectedOrder(field, direction));
  });

  it('sorts names as written, and devices never active after every active one', async () => {
    const byName = (await list({ sort: 'device_name', product_id: '910002' })).json();
    expect(namesOf(byName)).toEqual(['meter-50%', 'meter-500', 'pump']);
    const active = (await list({ sort: 'last_active_time', limit: '4' })).json();
    expect(namesOf(active)).toEqual(['sensorxtemp', 'meter-50%', 'gateway-alpha', 'sensor_temp']);
    const newest = (await list({ sort: '-last_active_time', limit: '999' })).json();
    expect(namesOf(newest).slice(-3)).toEqual(['gateway-alpha', 'meter-50%', 'sensorxtemp']);
  });
});

describe('GET …/devices: refusals', () => {
  const refusals: Array<[Record<string, string>, string]> = [
    [{ limit: '0' }, 'limit'],
    [{ limit: '1000' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ offset: '1.5' }, 'offset'],
    [{ product_id: 'abc' }, 'product_id'],
    [{ node_id: 'a,,b' }, 'node_id'],
    [{ node_type: '3' }, 'node_type'],
    [{ online_status: '1,3' }, 'online_status'],
    [{ status: '2' }, 'status'],
    [{ tag: '' }, 'tag'],
    [{ tag: 't'.repeat(65) }, 'tag'],
    [{ device_name: 'd'.repeat(65) }, 'device_name'],
    [{ device_name: 'bad\u0000name' }, 'device_name'],
    [{ created_date_start: 'yesterday' }, 'created_date_start'],
    [{ frozen: 'yes' }, 'frozen'],
    [{ sort: 'colour' }, 'sort'],
    [{ sort: '-secret_sealed' }, 'sort'],
    [{ fields: 'device_name,secret_sealed' }, 'fields'],
    [{ fields: '' }, 'fields'],
  ];
  it.each(refusals)('refuses %o naming [%s]', async (query, parameter) => {
    await expectRefused(t, () => list(query), 400, 'SCB.00000000', badQuery(parameter));
  });

  it('refuses a repeated parameter rather than picking one', async () => {
    const repeated = () => t.app.inject({ method: 'GET', url: `${LIST}?limit=1&limit=2`, headers: { 'x-auth-token': token } });
    await expectRefused(t, repeated, 400, 'SCB.00000000', badQuery('limit'));
  });

  it('answers 401 APIGW.0301 without a token or with a garbage one', async () => {
    await expectRefused(t, () => t.app.inject({ method: 'GET', url: LIST }), 401, 'APIGW.0301');
    await expectRefused(t, () => list({}, 'not-a-token'), 401, 'APIGW.0301');
  });

  it('answers ROMA.00110002 for a project or instance that is not the caller’s', async () => {
    const cases: Array<[string, string, string]> = [
      ['/v2/default/link/instances/default/devices', 'acme-admin', 'project_id: default, instance_id: default'],
      ['/v2/acme/link/instances/acme-instance/devices', 'admin', 'project_id: acme, instance_id: acme-instance'],
      ['/v2/default/link/instances/other/devices', 'admin', 'project_id: default, instance_id: other'],
      ['/v2/nobody/link/instances/default/devices', 'admin', 'project_id: nobody, instance_id: default'],
    ];
    for (const [url, user, ids] of cases) {
      const as = await t.token(user as 'admin' | 'acme-admin');
      await expectRefused(t, () => list({}, as, url), 404, 'ROMA.00110002', `The instance does not exist. ${ids}`);
    }
  });

  it('refuses a project_id longer than 001 allows as a path parameter', async () => {
    const url = `/v2/${'p'.repeat(33)}/link/instances/default/devices`;
    await expectRefused(t, () => list({}, token, url), 400, 'SCB.00000000', badParameter('romalink.link-device.list', 'project_id', 'path'));
  });

  it('shows a tenant only its own devices', async () => {
    const res = await list({ limit: '999' }, await t.token('acme-admin'), '/v2/acme/link/instances/acme-instance/devices');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, size: 1, items: [{ id: fleet.acme!.id, instance_id: 'acme-instance' }] });
  });
});
