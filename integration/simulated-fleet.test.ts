import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoFleetOnce } from '@/server/db/seed/seed-fleet';
import { createTestApp, type TestApp } from '@/server/test-support/test-app';
import { Fleet } from '@/simulator/fleet';
import type { ProvisionedDevice } from '@/simulator/provisioning-file';

/** The simulator's devices against the real gateway: they connect, come back after a forced drop, and obey refusals. */
describe('a simulated fleet', () => {
  let t: TestApp;
  let fleet: Fleet;
  const provisioned: ProvisionedDevice[] = [];
  const idOf = async (deviceId: string) => {
    const [productId, ...node] = deviceId.split('_');
    const row = await t.db.selectFrom('devices').select(['id', 'asset_id', 'status', 'frozen']).where('product_id', '=', Number(productId)).where('node_id', '=', node.join('_')).executeTakeFirstOrThrow();
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp({ gateway: true });
    await seedDemoFleetOnce(t.db, t.dialect, { count: 60, vault: t.vault, credentials: (deviceId, secret) => provisioned.push({ deviceId, secret }) });
    fleet = new Fleet(provisioned, { url: `mqtt://127.0.0.1:${t.mqttPort}`, reportSeconds: 1, flapPerMinute: 0, keepAliveSeconds: 30, concurrency: 10 });
    await fleet.start();
  });
  afterAll(async () => {
    await fleet.stop();
    await t.close();
  });

  it('connects every enabled, unfrozen device and reports', async () => {
    const rows = await Promise.all(provisioned.map((p) => idOf(p.deviceId)));
    const admissible = rows.filter((r) => r.status === 0 && r.frozen === 0);
    expect(fleet.counts.connected).toBe(admissible.length);
    expect(Object.values(fleet.counts.refused).reduce((a, b) => a + b, 0)).toBe(rows.length - admissible.length);
    await vi.waitFor(() => expect(fleet.counts.reports).toBeGreaterThan(0), { timeout: 3_000 });
  });

  it('comes back by itself after a forced disconnection, and stays out once frozen or replaced', async () => {
    const token = await t.token();
    const live = [];
    for (const p of provisioned) {
      const row = await idOf(p.deviceId);
      if (row.status === 0 && row.frozen === 0) live.push({ ...p, ...row });
    }
    const [forced, frozen, replaced] = live;
    const send = (method: 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { 'x-auth-token': token }, ...(payload ? { payload } : {}) });

    await send('POST', '/v2/default/link/instances/default/devices/force-offline', { device_ids: [forced!.id] });
    await send('POST', `/v5/iot/default/devices/${frozen!.deviceId}/freeze`);
    await send('POST', `/connect-service/v2.4/devices?action=replaceDevice&orgId=default&assetId=${replaced!.asset_id}`, { newDeviceKey: 'replaced-by-test' });
    // The forced device returns within its first backoff (at most a second); the others are refused.
    await vi.waitFor(() => expect(t.gateway!.isLive(forced!.id)).toBe(true), { timeout: 5_000 });
    expect(t.gateway!.isLive(frozen!.id)).toBe(false);
    expect(t.gateway!.isLive(replaced!.id)).toBe(false);
    await vi.waitFor(() => expect(fleet.counts.refused[4]).toBe(1), { timeout: 5_000 });
  });
});
