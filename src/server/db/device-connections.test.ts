import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { disconnectAll, pruneAllHistory } from './device-connections';

describe('a restart leaves no ghost connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('disconnects every device still marked connected, with a history line, and leaves the rest alone', async () => {
    const product = await addProduct(t.db);
    const online = await addDevice(t.db, product, { connected: 1, online_status: 1, client_ip: '10.0.0.7' });
    const shownOnline = await addDevice(t.db, product, { connected: 0, online_status: 1 });
    const inactive = await addDevice(t.db, product, { connected: 0, online_status: 0 });
    expect(await disconnectAll(t.db, 1_000, 'service restarted')).toBe(1);
    const rows = await t.db.selectFrom('devices').select(['id', 'connected', 'online_status', 'revision']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: online.id, connected: 0, online_status: 2, revision: online.revision + 1 },
      { id: shownOnline.id, connected: 0, online_status: 1, revision: shownOnline.revision },
      { id: inactive.id, connected: 0, online_status: 0, revision: inactive.revision },
    ]);
    expect(await t.db.selectFrom('device_connections').select(['device_id', 'at', 'event', 'reason', 'client_ip']).execute()).toEqual([
      { device_id: online.id, at: 1_000, event: 'disconnected', reason: 'service restarted', client_ip: '10.0.0.7' },
    ]);
    expect(await disconnectAll(t.db, 2_000, 'service restarted')).toBe(0);
  });

  it('among replicas, leaves the sessions of live peers alone; its own count as ghosts only on start', async () => {
    const product = await addProduct(t.db);
    const heldBy = (session_replica: string | null) => addDevice(t.db, product, { connected: 1, online_status: 1, session_replica });
    const [mine, peers, gones, nobodys] = [await heldBy('me:1'), await heldBy('peer:1'), await heldBy('gone:1'), await heldBy(null)];
    await t.db.insertInto('replicas').values([{ id: 'me:1', seen_at: 10_000 }, { id: 'peer:1', seen_at: 9_000 }, { id: 'gone:1', seen_at: 1_000 }]).execute();
    const connected = async () => (await t.db.selectFrom('devices').select('id').where('connected', '=', 1).orderBy('id').execute()).map((d) => d.id);

    const sweep = { replicaId: 'me:1', aliveSince: 5_000, ownAreGhosts: false };
    expect(await disconnectAll(t.db, 10_000, 'replica gone', sweep)).toBe(1);
    expect(await connected()).toEqual([mine.id, peers.id, nobodys.id]);
    expect(await disconnectAll(t.db, 10_001, 'service restarted', { ...sweep, ownAreGhosts: true })).toBe(2);
    expect(await connected()).toEqual([peers.id]);
    const reasons = await t.db.selectFrom('device_connections').select(['device_id', 'reason']).where('device_id', 'in', [mine.id, gones.id, nobodys.id]).orderBy('device_id').execute();
    expect(reasons).toEqual([
      { device_id: mine.id, reason: 'service restarted' },
      { device_id: gones.id, reason: 'replica gone' },
      { device_id: nobodys.id, reason: 'service restarted' },
    ]);
  });

  it('cuts every device’s history back to its latest entries', async () => {
    const product = await addProduct(t.db);
    const [a, b] = [await addDevice(t.db, product), await addDevice(t.db, product)];
    const entry = (device_id: number, at: number) => ({ device_id, at, event: 'connected' as const, reason: 'connected', client_ip: null });
    await t.db.insertInto('device_connections').values([1, 2, 3, 4, 5].map((at) => entry(a.id, at))).execute();
    await t.db.insertInto('device_connections').values([1, 2].map((at) => entry(b.id, at))).execute();
    expect(await pruneAllHistory(t.db, 3)).toBe(2);
    const kept = await t.db.selectFrom('device_connections').select(['device_id', 'at']).where('device_id', 'in', [a.id, b.id]).orderBy('id').execute();
    expect(kept).toEqual([
      { device_id: a.id, at: 3 },
      { device_id: a.id, at: 4 },
      { device_id: a.id, at: 5 },
      { device_id: b.id, at: 1 },
      { device_id: b.id, at: 2 },
    ]);
  });
});
