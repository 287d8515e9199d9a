import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { SUBJECT_TOKEN_HEADER } from '@/contracts/auth';
import { buildApp } from '../app';
import { ensureUser, ensureWorkspace } from '../db/bootstrap';
import { openDatabase } from '../db/connect';
import type { DialectName } from '../db/dialect';
import { migrate } from '../db/migrations';
import type { DeviceListIndex } from '../db/device-list/device-list-index';
import type { Database } from '../db/schema';
import { changeFeedOf } from '../events/change-feed-of';
import type { ChangeFeed } from '../events/change-feed';
import { Gateway } from '../gateway/gateway';
import { TaskRunner } from '../tasks/task-runner';
import type { SecretVault } from '../secrets/secret-vault';
import { throwawayVault } from './vault';

/** A gateway log that keeps quiet: the tests read what went wrong from their own assertions. */
export const SILENT_GATEWAY_LOG = { error: () => {} };

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  dialect: DialectName;
  listIndex: DeviceListIndex;
  vault: SecretVault;
  /** With `{ gateway: true }`: the MQTT gateway, listening on `mqttPort` of 127.0.0.1, wired into the app. */
  gateway: Gateway | undefined;
  /** The event streams' feed, polling every 20 ms. */
  changeFeed: ChangeFeed;
  /** The batch task runner, wired into the app but not started: tests run it with `step`, or `start` it. */
  tasks: TaskRunner;
  mqttPort: number;
  /** A fresh token of `admin` (workspace `default`) or `acme-admin` (workspace `acme`). */
  token: (user?: 'admin' | 'acme-admin') => Promise<string>;
  close: () => Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A new, empty PostgreSQL database on the server of `base` (TEST_DATABASE_URL), and how to drop it. */
export async function throwawayPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}

/** A database of its own per call: in-memory SQLite, or a new PostgreSQL database when TEST_DATABASE_URL is set. */
async function freshDatabase() {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { ...openDatabase({ sqlitePath: ':memory:' }), drop: async () => {} };
  const { url, drop } = await throwawayPostgres(base);
  return { ...openDatabase({ databaseUrl: url }), drop };
}

/** The real app on a real, migrated database with two tenants; tests call `app.inject`. */
export async function createTestApp(options: { gateway?: boolean } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const { db, dialect, dataVersion, listIndex, close, drop } = database;
  await migrate(db, dialect);
  await ensureWorkspace(db);
  await ensureWorkspace(db, { id: 'acme', name: 'Acme', project_id: 'acme', instance_id: 'acme-instance', org_id: 'acme-org' });
  await ensureUser(db, 'admin', TEST_PASSWORD);
  await ensureUser(db, 'acme-admin', TEST_PASSWORD, 'acme');
  const vault = throwawayVault();
  // Session events are written within a few ms, so tests read them without waiting long.
  const gateway = options.gateway ? new Gateway({ db, vault, log: SILENT_GATEWAY_LOG, eventDelayMs: 2, activityIntervalMs: 50, connectTimeoutMs: 500 }) : undefined;
  // Polled often, so a test waits little for a change to be told.
  const changeFeed = changeFeedOf(database, (error) => {
    throw error;
  });
  await changeFeed.start(20);
  const tasks = new TaskRunner({
    db,
    dialect,
    liveSessions: gateway,
    onError: (error) => {
      throw error;
    },
  });
  const app = buildApp({ db, dialect, dataVersion, listIndex, tokenTtlSeconds: 3600, vault, liveSessions: gateway, gateway, changeFeed, tasks });
  await app.ready();
  const mqttPort = gateway ? await gateway.listen('127.0.0.1', 0) : 0;
  const token = async (user: 'admin' | 'acme-admin' = 'admin') => {
    const res = await app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username: user, password: TEST_PASSWORD } });
    const value = res.headers[SUBJECT_TOKEN_HEADER];
    if (res.statusCode !== 201 || typeof value !== 'string') throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return value;
  };
  return {
    app,
    db,
    dialect,
    listIndex,
    vault,
    gateway,
    changeFeed,
    tasks,
    mqttPort,
    token,
    close: async () => {
      await tasks.close();
      await gateway?.close();
      await app.close();
      await changeFeed.close();
      await close();
      await drop();
    },
  };
}
