import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { writeSessionEvents, type SessionEvent } from './session-writes';

describe('session events written a run at a time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps each device’s events in order when one batch holds several of them', async () => {
    const product = await addProduct(t.db);
    const [a, b, c] = [await addDevice(t.db, product), await addDevice(t.db, product), await addDevice(t.db, product)];
    const connected = (deviceId: number, at: number, clientIp: string): SessionEvent => ({ kind: 'connected', deviceId, at, clientIp, keepAliveSeconds: 30 });
    const events: SessionEvent[] = [
      connected(a.id, 1_000, '10.0.0.1'),
      connected(b.id, 1_001, '10.0.0.2'),
      { kind: 'disconnected', deviceId: a.id, at: 1_002, clientIp: '10.0.0.1', reason: 'connection lost', current: true },
      { kind: 'refused', deviceId: c.id, at: 1_003, clientIp: null, reason: 'frozen' },
      connected(a.id, 1_004, '10.0.0.3'),
      { kind: 'disconnected', deviceId: b.id, at: 1_005, clientIp: '10.0.0.2', reason: 'key replaced', current: true, onlineStatus: 0 },
    ];
    await t.db.transaction().execute((trx) => writeSessionEvents(trx, events, 'replica-a'));

    const rows = await t.db
      .selectFrom('devices')
      .select(['id', 'connected', 'online_status', 'last_login_datetime', 'client_ip', 'keep_alive', 'session_replica', 'revision'])
      .where('id', 'in', [a.id, b.id, c.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: a.id, connected: 1, online_status: 1, last_login_datetime: 1_004, client_ip: '10.0.0.3', keep_alive: '30', session_replica: 'replica-a', revision: a.revision + 3 },
      { id: b.id, connected: 0, online_status: 0, last_login_datetime: 1_001, client_ip: '10.0.0.2', keep_alive: '30', session_replica: 'replica-a', revision: b.revision + 2 },
      { id: c.id, connected: c.connected, online_status: c.online_status, last_login_datetime: c.last_login_datetime, client_ip: c.client_ip, keep_alive: c.keep_alive, session_replica: null, revision: c.revision },
    ]);
    const history = await t.db.selectFrom('device_connections').select(['device_id', 'at', 'event', 'reason']).where('device_id', 'in', [a.id, b.id, c.id]).orderBy('id').execute();
    expect(history).toEqual([
      { device_id: a.id, at: 1_000, event: 'connected', reason: 'connected' },
      { device_id: b.id, at: 1_001, event: 'connected', reason: 'connected' },
      { device_id: a.id, at: 1_002, event: 'disconnected', reason: 'connection lost' },
      { device_id: c.id, at: 1_003, event: 'refused', reason: 'frozen' },
      { device_id: a.id, at: 1_004, event: 'connected', reason: 'connected' },
      { device_id: b.id, at: 1_005, event: 'disconnected', reason: 'key replaced' },
    ]);
  });
});
