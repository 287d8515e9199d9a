import { describe, expect, it } from 'vitest';
import { DEVICE_KEY_PATTERN, DEVICE_NAME_PATTERN } from '@/contracts/device';
import { TAGS } from './catalog';
import { demoFleet, type DemoDevice } from './fleet';
import { DEVICES_PER_STATEMENT, MAX_PARAMS_PER_STATEMENT } from './seed-fleet';

const NOW = Date.UTC(2026, 10, 22);
const COUNT = 20_000;
const fleet: DemoDevice[] = [...demoFleet({ count: COUNT, firstId: 1, now: NOW })];
type Row = DemoDevice['row'];
const rows = fleet.map((d) => d.row);
const share = (test: (row: Row) => boolean) => rows.filter(test).length / COUNT;

describe('the demo fleet', () => {
  it('has exactly the requested number of devices with consecutive ids', () => {
    expect(rows).toHaveLength(COUNT);
    expect(rows.every((row, i) => row.id === i + 1)).toBe(true);
  });

  it('is the same for the same options, and different for another seed', () => {
    const again = [...demoFleet({ count: 500, firstId: 1, now: NOW })];
    expect([...demoFleet({ count: 500, firstId: 1, now: NOW })]).toEqual(again);
    const other = [...demoFleet({ count: 500, firstId: 1, now: NOW, seed: 7 })];
    expect(other.map((d) => d.row.device_name)).not.toEqual(again.map((d) => d.row.device_name));
  });

  it('is roughly 40 % online, with offline, never-activated, disabled, mirrored, frozen and read-only devices', () => {
    expect(share((r) => r.online_status === 1)).toBeGreaterThan(0.33);
    expect(share((r) => r.online_status === 1)).toBeLessThan(0.47);
    expect(share((r) => r.online_status === 2)).toBeGreaterThan(0.3);
    expect(share((r) => r.online_status === 0)).toBeGreaterThan(0.08);
    const rare: Array<(row: Row) => boolean> = [(r) => r.status === 1, (r) => r.mirrored === 1, (r) => r.frozen === 1, (r) => !r.permissions.includes('modify')];
    for (const test of rare) {
      expect(share(test)).toBeGreaterThan(0.005);
      expect(share(test)).toBeLessThan(0.06);
    }
  });

  it('keeps the connection rules: connected means online, and disabled or frozen devices are not connected', () => {
    expect(rows.every((r) => (r.connected === 1) === (r.online_status === 1))).toBe(true);
    expect(rows.some((r) => (r.status === 1 || r.frozen === 1) && r.connected === 1)).toBe(false);
  });

  it('has gateways with sub-devices behind them, and freezes only devices that connect directly', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const subDevices = rows.filter((r) => r.node_type === 2);
    expect(share((r) => r.node_type === 1)).toBeGreaterThan(0.02);
    expect(subDevices.length / COUNT).toBeGreaterThan(0.1);
    for (const sub of subDevices) {
      const gateway = byId.get(sub.parent_device_id!);
      expect(gateway?.node_type).toBe(1);
      if (sub.connected) expect(gateway?.connected).toBe(1);
      expect(sub.frozen).toBe(0);
    }
    expect(rows.filter((r) => r.node_type !== 2).every((r) => r.parent_device_id === null)).toBe(true);
  });

  it('uses every demo product and protocol', () => {
    expect(new Set(rows.map((r) => r.product_id))).toEqual(new Set([10001, 10002, 10003, 10004, 10005]));
  });

  it('has names, node ids and device keys the documents accept, unique where the schema says so', () => {
    for (const r of rows) {
      expect(r.device_name).toMatch(DEVICE_NAME_PATTERN);
      expect(r.device_name.length).toBeLessThanOrEqual(64);
      expect(r.node_id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(r.device_key).toMatch(DEVICE_KEY_PATTERN);
    }
    expect(new Set(rows.map((r) => `${r.product_id}/${r.node_id}`)).size).toBe(COUNT);
    expect(new Set(rows.map((r) => r.asset_id)).size).toBe(COUNT);
    expect(rows.some((r) => /^([0-9A-F]{2}-){5}[0-9A-F]{2}$/.test(r.node_id))).toBe(true);
    expect(rows.some((r) => /^\d{15}$/.test(r.node_id))).toBe(true);
  });

  it('spreads timestamps over the past year and tags over a small vocabulary', () => {
    const yearAgo = NOW - 366 * 24 * 3600 * 1000;
    expect(rows.every((r) => r.created_datetime >= yearAgo && r.created_datetime <= NOW)).toBe(true);
    expect(rows.every((r) => r.last_updated_datetime >= r.created_datetime && r.last_updated_datetime <= NOW)).toBe(true);
    expect(rows.filter((r) => r.online_status === 0).every((r) => r.last_login_datetime === null)).toBe(true);
    const tags = fleet.flatMap((d) => d.tags);
    expect(new Set(tags)).toEqual(new Set(TAGS));
    expect(fleet.every((d) => new Set(d.tags).size === d.tags.length)).toBe(true);
  });

  it('fits a batch of device rows into one statement on both databases', () => {
    const columns = Object.keys(rows[0]!).length + 2; // workspace_id and secret_sealed are added when stored
    expect(columns * DEVICES_PER_STATEMENT).toBeLessThanOrEqual(MAX_PARAMS_PER_STATEMENT);
  });
});
