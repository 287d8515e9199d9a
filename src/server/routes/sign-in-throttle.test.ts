import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (username: string, password: string, remoteAddress = '10.9.0.1') =>
  t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username, password }, remoteAddress });
const unblock = () => t.db.updateTable('sign_in_failures').set({ blocked_until: 0, failures: 0 }).execute();

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after five wrong passwords for a name, even to the right one, the same for an unknown name', async () => {
    for (const username of ['admin', 'nobody-here']) {
      for (let i = 0; i < 5; i++) expect((await signIn(username, 'wrong-password', `10.1.0.${i}`)).statusCode, username).toBe(401);
      const blocked = await signIn(username, username === 'admin' ? TEST_PASSWORD : 'wrong-password', '10.1.1.1');
      expect(blocked.statusCode, username).toBe(429);
      expect(blocked.json()).toMatchObject({ error_code: 'APIGW.0308', request_id: blocked.headers['x-request-id'] });
      expect(Number(blocked.headers['retry-after']), username).toBeGreaterThanOrEqual(1);
      expect(blocked.headers['x-subject-token']).toBeUndefined();
    }
    await unblock();
    expect((await signIn('admin', TEST_PASSWORD)).statusCode).toBe(201);
  });

  it('waits longer after each further failure, and a right password once let in ends the count', async () => {
    await unblock();
    for (let i = 0; i < 6; i++) await signIn('admin', 'wrong-password', `10.2.0.${i}`);
    const first = Number((await signIn('admin', 'wrong-password')).headers['retry-after']);
    await t.db.updateTable('sign_in_failures').set({ blocked_until: 0 }).where('key', '=', 'user:admin').execute();
    await signIn('admin', 'wrong-password', '10.2.1.1');
    const second = Number((await signIn('admin', 'wrong-password')).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
    await unblock();
    expect((await signIn('admin', TEST_PASSWORD)).statusCode).toBe(201);
    expect(await t.db.selectFrom('sign_in_failures').select('key').where('key', '=', 'user:admin').execute()).toEqual([]);
  });

  it('answers 429 to an address that tried twenty names, for any name', async () => {
    await unblock();
    for (let i = 0; i < 20; i++) expect((await signIn(`guess-${i}`, 'wrong-password', '10.3.0.1')).statusCode).toBe(401);
    expect((await signIn('admin', TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(429);
    expect((await signIn('admin', TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(201);
  });

  it('counts the address a trusted balancer names in X-Forwarded-For, not the balancer’s own', async () => {
    const behind = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, trustProxy: true });
    const via = (client: string, username: string) =>
      behind.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username, password: 'wrong-password' }, remoteAddress: '10.4.0.1', headers: { 'x-forwarded-for': client } });
    await unblock();
    for (let i = 0; i < 20; i++) expect((await via('192.0.2.7', `guest-${i}`)).statusCode).toBe(401);
    expect((await via('192.0.2.7', 'guest-20')).statusCode).toBe(429);
    expect((await via('192.0.2.8', 'guest-21')).statusCode).toBe(401);
    await behind.close();
  });
});
