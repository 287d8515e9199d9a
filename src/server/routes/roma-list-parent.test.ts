import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRow } from '../db/schema';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { badParameter, DEVICES, expectRefused, send } from '../test-support/roma-client';

const SUMMARY = '/console/v1/projects/default/instances/default/device-summary';

let t: TestApp;
const fleet: Record<string, DeviceRow> = {};

// Two gateways with sub-devices of their own, one without, a direct device, and another tenant's pair.
beforeAll(async () => {
  t = await createTestApp();
  const product = await addProduct(t.db, 'default', { product_type: 1 });
  const acme = await addProduct(t.db, 'acme');
  fleet.north = await addDevice(t.db, product, { device_name: 'gw-north', node_type: 1, online_status: 1, connected: 1 });
  fleet.south = await addDevice(t.db, product, { device_name: 'gw-south', node_type: 1 });
  fleet.empty = await addDevice(t.db, product, { device_name: 'gw-empty', node_type: 1 });
  const sub = (name: string, parent: DeviceRow, over: Partial<DeviceRow> = {}) =>
    addDevice(t.db, product, { device_name: name, node_type: 2, parent_device_id: parent.id, ...over });
  fleet.n1 = await sub('north-temp', fleet.north, { online_status: 1, frozen: 1 });
  fleet.n2 = await sub('north-flow', fleet.north, { online_status: 1 });
  fleet.n3 = await sub('north-door', fleet.north, { online_status: 0, status: 1 });
  fleet.s1 = await sub('south-temp', fleet.south, { online_status: 1 });
  fleet.direct = await addDevice(t.db, product, { device_name: 'direct-meter' });
  fleet.acmeGateway = await addDevice(t.db, acme, { device_name: 'acme-gw', node_type: 1 });
  fleet.acmeSub = await addDevice(t.db, acme, { device_name: 'acme-sub', node_type: 2, parent_device_id: fleet.acmeGateway.id });
});
afterAll(() => t.close());

const get = (base: string, query: Record<string, string>) => send(t, 'GET', `${base}?${new URLSearchParams(query)}`);
const names = (body: { items: Array<{ device_name: string }> }) => body.items.map((d) => d.device_name);
const parentOf = (device: DeviceRow) => ({ parent_device_id: String(device.id) });

describe('GET …/devices?parent_device_id', () => {
  it("lists only that gateway's sub-devices, with their total", async () => {
    const res = await get(DEVICES, { ...parentOf(fleet.north!), limit: '999' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, size: 3 });
    expect(names(res.json())).toEqual(['north-temp', 'north-flow', 'north-door']);
    expect(res.json().items.every((d: { parent_device_id: number }) => d.parent_device_id === fleet.north!.id)).toBe(true);
  });

  it('answers an empty page for a gateway without sub-devices, a direct device or an unknown id', async () => {
    for (const parent of [String(fleet.empty!.id), String(fleet.direct!.id), '99999999999999999']) {
      expect((await get(DEVICES, { parent_device_id: parent })).json()).toEqual({ total: 0, size: 0, items: [] });
    }
  });

  it("never reaches another tenant's sub-devices", async () => {
    expect((await get(DEVICES, parentOf(fleet.acmeGateway!))).json()).toMatchObject({ total: 0, size: 0 });
  });

  const combined: Array<[string, Record<string, string>, string[]]> = [
    ['online_status', { online_status: '1' }, ['north-temp', 'north-flow']],
    ['status and frozen', { status: '0', frozen: 'false' }, ['north-flow']],
    ['device_name', { device_name: 'TEMP' }, ['north-temp']],
    ['node_type of a gateway', { node_type: '1' }, []],
  ];
  it.each(combined)('combines with %s', async (_name, query, expected) => {
    const body = (await get(DEVICES, { ...parentOf(fleet.north!), ...query, limit: '999' })).json();
    expect(body.total).toBe(expected.length);
    expect(names(body)).toEqual(expected);
  });

  it('sorts and pages within the gateway over a stable total', async () => {
    const query = { ...parentOf(fleet.north!), sort: 'device_name', limit: '2' };
    const first = (await get(DEVICES, query)).json();
    const second = (await get(DEVICES, { ...query, offset: '2' })).json();
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...names(first), ...names(second)]).toEqual(['north-door', 'north-flow', 'north-temp']);
  });
});

describe('GET …/device-summary?parent_device_id', () => {
  it("counts the gateway's sub-devices as its list does", async () => {
    const res = await get(SUMMARY, parentOf(fleet.north!));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ total: 3, online_status: { '0': 1, '1': 2, '2': 0 }, status: { '0': 2, '1': 1 }, frozen: 1 });
    const filtered = await get(SUMMARY, { ...parentOf(fleet.south!), online_status: '1' });
    expect(filtered.json()).toMatchObject({ total: 1, online_status: { '0': 0, '1': 1, '2': 0 } });
  });
});

describe('parent_device_id refusals', () => {
  const bad = ['abc', '12.5', '-3', '1e3', '1'.repeat(18)];
  const calls: Array<[string, string, string]> = [
    ['the list', DEVICES, 'romalink.link-device.list'],
    ['the summary', SUMMARY, 'console.device.summary'],
  ];
  it.each(calls)('%s refuses a value that is not an integer of up to 17 digits, naming it and changing nothing', async (_name, base, operation) => {
    for (const value of bad) {
      await expectRefused(t, () => get(base, { parent_device_id: value }), 400, 'SCB.00000000', badParameter(operation, 'parent_device_id', 'query'));
    }
  });
});
