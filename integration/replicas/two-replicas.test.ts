import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_TOKEN_HEADER } from '@/contracts/auth';
import type { DeviceSummary } from '@/contracts/console';
import type { ListDevicesResponse } from '@/contracts/roma';
import { openDatabase, type DatabaseHandle } from '@/server/db/connect';
import { CREDENTIALS_FILE } from '@/server/db/seed/credentials-file';
import { connectionEnded } from '@/server/test-support/mqtt-device';
import { throwawayPostgres } from '@/server/test-support/test-app';
import { connectCredentials } from '@/simulator/iotda-credentials';
import { readProvisioningFile, type ProvisionedDevice } from '@/simulator/provisioning-file';
import mqtt from 'mqtt';
import { ADMIN_PASSWORD, ADMIN_USER } from '../../e2e/support/config';
import { ownService, type OwnService } from '../../e2e/support/own-service';

/** Beside the e2e suite's services (8931-8934) and the task-resume test's (8936). */
const PORTS = { a: 8937, b: 8938, mqttA: 8947, mqttB: 8948 };
const DEVICES = 60;
/** "Within a second" (issue 20), with the machine's slack for a loaded CI run. */
const WITHIN = { timeout: 1_000, interval: 25 };
const LIST = '/v2/default/link/instances/default/devices';

interface Replica {
  service: OwnService;
  baseUrl: string;
  mqttPort: number;
}

let postgres: { url: string; drop: () => Promise<void> };
let database: DatabaseHandle;
let a: Replica;
let b: Replica;
let token: string;
let provisioned: ProvisionedDevice[];
/** Every replica opens the devices' secrets with the same master key (README "Replicas"). */
const masterKey = randomBytes(32).toString('base64');
const dataDirs: string[] = [];
const clients: MqttClient[] = [];

async function startReplica(name: 'a' | 'b', port: number, mqttPort: number): Promise<Replica> {
  const dataDir = path.join(tmpdir(), `device-console-replica-${name}-${process.pid}`);
  dataDirs.push(dataDir);
  const service = await ownService({ port, dataDir, seedDevices: DEVICES, databaseUrl: postgres.url, mqttPort, env: { REPLICA_ID: `replica-${name}`, SECRET_MASTER_KEY: masterKey } });
  return { service, baseUrl: `http://127.0.0.1:${port}`, mqttPort };
}

const signIn = (replica: Replica, password: string) =>
  fetch(`${replica.baseUrl}/v3/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ADMIN_USER, password }) });
const headers = () => ({ 'x-auth-token': token, 'content-type': 'application/json' });
async function call<T>(replica: Replica, method: string, url: string, body?: object): Promise<T> {
  const res = await fetch(`${replica.baseUrl}${url}`, { method, headers: headers(), ...(body && { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
const listed = (replica: Replica, query: string) => call<ListDevicesResponse>(replica, 'GET', `${LIST}?${query}`);
const summary = (replica: Replica) => call<DeviceSummary>(replica, 'GET', '/console/v1/projects/default/instances/default/device-summary');

/** Devices that may connect (enabled, not frozen, not sub-devices), with their credentials. */
async function admissible(count: number) {
  const rows = await database.db.selectFrom('devices').select(['id', 'product_id', 'node_id']).where('status', '=', 0).where('frozen', '=', 0).where('node_type', '<>', 2).orderBy('id').execute();
  return rows.slice(0, count).map((row) => {
    const iotdaId = `${row.product_id}_${row.node_id}`;
    return { id: row.id, iotdaId, secret: provisioned.find((p) => p.deviceId === iotdaId)!.secret };
  });
}

async function connectTo(replica: Replica, device: { iotdaId: string; secret: string }): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${replica.mqttPort}`, { ...connectCredentials(device.iotdaId, device.secret), protocolVersion: 4, reconnectPeriod: 0 });
  clients.push(client);
  return client;
}

const isConnected = async (id: number) => (await database.db.selectFrom('devices').select('connected').where('id', '=', id).executeTakeFirstOrThrow()).connected === 1;

/** Two replicas of the service on one PostgreSQL, each with its own MQTT gateway, behave as one service. */
describe('two replicas on one PostgreSQL', () => {
  beforeAll(async () => {
    postgres = await throwawayPostgres(process.env.TEST_DATABASE_URL!);
    a = await startReplica('a', PORTS.a, PORTS.mqttA);
    database = openDatabase({ databaseUrl: postgres.url });
    provisioned = await readProvisioningFile(path.join(dataDirs[0]!, CREDENTIALS_FILE));
    token = (await signIn(a, ADMIN_PASSWORD)).headers.get(SUBJECT_TOKEN_HEADER)!;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true).catch(() => {})));
    await Promise.all([a?.service.stop(), b?.service.stop()]);
    await database?.close();
    await postgres?.drop();
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('starts a second replica without ending the sessions the first one holds', async () => {
    const [held] = await admissible(1);
    const client = await connectTo(a, held!);
    await expect.poll(() => isConnected(held!.id), WITHIN).toBe(true);
    b = await startReplica('b', PORTS.b, PORTS.mqttB);
    expect(client.connected).toBe(true);
    expect(await isConnected(held!.id)).toBe(true);
  }, 120_000);

  it('shows a change made through one replica in the other’s list, summary and event stream within a second, and at once to its maker', async () => {
    const [device] = (await listed(a, 'limit=1')).items;
    const stream = await fetch(`${b.baseUrl}/console/v1/projects/default/instances/default/events`, { headers: { ...headers(), accept: 'text/event-stream' } });
    const reader = stream.body!.getReader();
    const before = await summary(b);

    await call(a, 'PUT', `${LIST}/${device!.id}`, { device_name: 'renamed-on-a', status: 1 });
    expect((await listed(a, 'device_name=renamed-on-a')).items.map((d) => d.id)).toEqual([device!.id]);
    await expect.poll(async () => (await listed(b, 'device_name=renamed-on-a')).items.map((d) => d.id), WITHIN).toEqual([device!.id]);
    await expect.poll(async () => (await summary(b)).status['1'], WITHIN).toBe(before.status['1'] + (device!.status === 1 ? 0 : 1));

    let text = '';
    const decoder = new TextDecoder();
    const deadline = Date.now() + WITHIN.timeout;
    while (!text.includes('renamed-on-a') && Date.now() < deadline) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain(`"id":${device!.id}`);
    expect(text).toContain('renamed-on-a');
  });

  it('ends, within a second, a session held by the other replica’s gateway when a device is forced offline or frozen', async () => {
    const [, forced, frozen] = await admissible(3);
    const forcedClient = await connectTo(b, forced!);
    const frozenClient = await connectTo(b, frozen!);
    await expect.poll(() => isConnected(forced!.id), WITHIN).toBe(true);

    const started = Date.now();
    await call(a, 'POST', `${LIST}/force-offline`, { device_ids: [forced!.id] });
    await call(a, 'POST', `/v5/iot/default/devices/${frozen!.iotdaId}/freeze`);
    await Promise.all([connectionEnded(forcedClient), connectionEnded(frozenClient)]);
    expect(Date.now() - started).toBeLessThan(WITHIN.timeout);

    // The replica that held them writes each end with its reason, a moment after closing the socket.
    const ends = () =>
      database.db
      .selectFrom('device_connections')
      .select(['device_id', 'reason'])
      .where('device_id', 'in', [forced!.id, frozen!.id])
      .where('event', '=', 'disconnected')
      .where('at', '>=', started)
      .orderBy('device_id')
      .execute();
    await expect.poll(ends, WITHIN).toEqual([
      { device_id: forced!.id, reason: 'forced offline by a user' },
      { device_id: frozen!.id, reason: 'frozen' },
    ]);
  });

  it('refuses, through the other replica at once, a token signed out through one', async () => {
    const own = (await signIn(a, ADMIN_PASSWORD)).headers.get(SUBJECT_TOKEN_HEADER)!;
    const listWith = (replica: Replica) => fetch(`${replica.baseUrl}${LIST}?limit=1`, { headers: { 'x-auth-token': own } });
    expect((await listWith(b)).status).toBe(200);
    expect((await fetch(`${a.baseUrl}/v3/auth/tokens`, { method: 'DELETE', headers: { 'x-auth-token': own, [SUBJECT_TOKEN_HEADER]: own } })).status).toBe(204);
    expect((await listWith(b)).status).toBe(401);
  });

  it('throttles sign-in across replicas: failures counted through one are refused by the other', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(a, 'not-the-password')).status).toBe(401);
    const refused = await signIn(b, ADMIN_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
