import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { connectionActivitySchema } from '@/contracts/console';
import { ACTIVITY_MINUTES, MINUTE_MS } from '../db/connection-activity';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';

const ACTIVITY = '/console/v1/projects/default/instances/default/connection-activity';

let t: TestApp;
let token: string;
const thisMinute = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

beforeAll(async () => {
  t = await createTestApp();
  token = await t.token();
});
afterAll(() => t.close());

/** `as: null` calls with no token at all. */
const get = (as: string | null = token, url = ACTIVITY) => t.app.inject({ method: 'GET', url, headers: as === null ? {} : { 'x-auth-token': as } });

describe('GET /console/v1/…/connection-activity', () => {
  it('counts the workspace’s connections and disconnections per minute over the last hour, every minute present', async () => {
    const ours = await addDevice(t.db, await addProduct(t.db));
    const theirs = await addDevice(t.db, await addProduct(t.db, 'acme'));
    const now = thisMinute();
    const at = (minutesAgo: number) => now - minutesAgo * MINUTE_MS + 1_000;
    const history: Array<[number, number, 'connected' | 'disconnected' | 'refused']> = [
      [ours.id, at(0), 'connected'],
      [ours.id, at(0), 'connected'],
      [ours.id, at(0), 'disconnected'],
      [ours.id, at(0), 'refused'],
      [ours.id, at(5), 'disconnected'],
      [ours.id, at(59), 'connected'],
      // An hour ago and more: outside the window.
      [ours.id, at(60), 'connected'],
      [theirs.id, at(0), 'connected'],
    ];
    await t.db
      .insertInto('device_connections')
      .values(history.map(([device_id, when, event]) => ({ device_id, at: when, event, reason: 'test', client_ip: null })))
      .execute();

    const res = await get();
    expect(res.statusCode).toBe(200);
    const { minutes } = z.strictObject(connectionActivitySchema.shape).parse(res.json());
    expect(minutes).toHaveLength(ACTIVITY_MINUTES);
    // The minute may have turned between the insert and the call.
    const last = minutes.at(-1)!.minute;
    expect([now, now + MINUTE_MS]).toContain(last);
    expect(minutes.map((m) => m.minute)).toEqual(Array.from({ length: ACTIVITY_MINUTES }, (_, i) => last - (ACTIVITY_MINUTES - 1 - i) * MINUTE_MS));
    const of = (minute: number) => minutes.find((m) => m.minute === minute) ?? { connected: 0, disconnected: 0 };
    expect(of(now)).toMatchObject({ connected: 2, disconnected: 1 });
    expect(of(now - 5 * MINUTE_MS)).toMatchObject({ connected: 0, disconnected: 1 });
    if (last === now) expect(minutes[0]).toEqual({ minute: now - 59 * MINUTE_MS, connected: 1, disconnected: 0 });
    expect(minutes.reduce((sum, m) => sum + m.connected + m.disconnected, 0)).toBe(last === now ? 5 : 4);
  });

  it('answers another tenant’s instance and one that does not exist as missing, and no token as unauthorised', async () => {
    for (const res of [await get(await t.token('acme-admin')), await get(token, ACTIVITY.replace('/projects/default/', '/projects/nope/'))]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error_code: 'ROMA.00110002' });
    }
    for (const res of [await get(null), await get('garbage')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error_code).toBe('APIGW.0301');
    }
  });
});
