import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { healthSchema } from '@/contracts/health';
import { buildApp } from '../app';
import { openDatabase } from '../db/connect';
import { throwawayVault } from '../test-support/vault';
import { createTestApp, type TestApp } from '../test-support/test-app';

const HEALTH = '/console/v1/health';

describe('GET /console/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ gateway: true });
  });
  afterAll(() => t.close());

  it('answers 200 without a token, with the database reachable and the gateway listening', async () => {
    const res = await t.app.inject({ method: 'GET', url: HEALTH });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const health = z.strictObject(healthSchema.shape).parse(res.json());
    expect(health).toMatchObject({ status: 'ok', database: { engine: t.dialect, reachable: true }, gateway: { enabled: true, listening: true, sessions: 0 } });
  });

  it('answers 503 once the gateway has stopped listening', async () => {
    const stopped = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, gateway: { listening: false, sessionCount: 0 } });
    const res = await stopped.inject({ method: 'GET', url: HEALTH });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: { reachable: true }, gateway: { enabled: true, listening: false } });
    await stopped.close();
  });

  it('answers 503 when the database does not answer, and says so', async () => {
    // A PostgreSQL where nothing listens, on either pass: what is probed is the route's answer to a database that fails.
    const database = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/nowhere' });
    const app = buildApp({ db: database.db, dialect: database.dialect, listIndex: database.listIndex, vault: throwawayVault(), tokenTtlSeconds: 60 });
    const res = await app.inject({ method: 'GET', url: HEALTH });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: { engine: database.dialect, reachable: false }, gateway: { enabled: false, listening: false, sessions: 0 } });
    await app.close();
    await database.close();
  });
});
