import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENOS_CODES } from '@/contracts/enos';
import { savePublicKey } from '../db/public-keys';
import type { DeviceRow } from '../db/schema';
import { browserKeyPair, openSecret, spkiPem } from '../test-support/browser-crypto';
import { addDeviceWithSecret, connectCredentials, iotdaId } from '../test-support/device-credentials';
import { connectDevice, connectionEnded, refusalCode } from '../test-support/mqtt-device';
import { useAppWithProduct } from '../test-support/app-with-product';

const SECRET = 'OperateSecretOperateSecretOpera1';
const DEVICES = '/v2/default/link/instances/default/devices';

/** Each operation closes the live session within its own request, then refuses what DESIGN.md says. */
describe('the MQTT gateway: operations end sessions', () => {
  const app = useAppWithProduct({ gateway: true });
  let token: string;
  beforeAll(async () => {
    token = await app.t.token();
  });

  const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    app.t.app.inject({ method, url, headers: { 'x-auth-token': token }, ...(payload === undefined ? {} : { payload }) } as InjectOptions);
  const reasons = (id: number) => app.t.db.selectFrom('device_connections').select('reason').where('device_id', '=', id).orderBy('id').execute();
  const live = async () => {
    const device = await addDeviceWithSecret(app.t, app.product, SECRET);
    const client = await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET));
    await vi.waitFor(() => expect(app.t.gateway!.isLive(device.id)).toBe(true));
    return { device, client, ended: connectionEnded(client) };
  };
  /** The answer came only once the socket was closed: the client has seen its end by then. */
  const endedBy = async (answer: ReturnType<typeof send>, ended: Promise<void>, device: DeviceRow) => {
    const res = await answer;
    await ended;
    expect(app.t.gateway!.isLive(device.id)).toBe(false);
    return res;
  };

  it('004 force-offline: success means the socket is closed; the device may connect again', async () => {
    const { device, ended } = await live();
    const res = await endedBy(send('POST', `${DEVICES}/force-offline`, { device_ids: [device.id] }), ended, device);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: [{ id: device.id }], failed: [] });
    const row = await app.t.db.selectFrom('devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ connected: 0, online_status: 2 });
    expect(await reasons(device.id)).toEqual([{ reason: 'connected' }, { reason: 'forced offline by a user' }]);
    const again = await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET));
    await again.endAsync();
  });

  it('003 freeze: closes the session and refuses CONNECTs (5) until unfrozen', async () => {
    const { device, ended } = await live();
    expect((await endedBy(send('POST', `/v5/iot/default/devices/${iotdaId(device)}/freeze`), ended, device)).statusCode).toBe(204);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET))).toBe(5);
    expect((await send('POST', `/v5/iot/default/devices/${iotdaId(device)}/unfreeze`)).statusCode).toBe(204);
    await (await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET))).endAsync();
    await vi.waitFor(async () => expect((await reasons(device.id)).map((r) => r.reason)).toEqual(['connected', 'frozen', 'refused: frozen', 'connected', 'device closed']));
  });

  it('001 disabling: closes the session, the answer shows it disconnected, and CONNECTs are refused (5) until enabled', async () => {
    const { device, ended } = await live();
    const res = await endedBy(send('PUT', `${DEVICES}/${device.id}`, { device_name: device.device_name, status: 1 }), ended, device);
    expect(res.json()).toMatchObject({ status: 1, connected: false, online_status: 2 });
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET))).toBe(5);
    await send('PUT', `${DEVICES}/${device.id}`, { device_name: device.device_name, status: 0 });
    await (await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET))).endAsync();
  });

  it('002 key replacement: closes the session, keeps the device inactive, refuses the old secret and admits the new one', async () => {
    const pair = await browserKeyPair();
    await savePublicKey(app.t.db, { org_id: 'default', public_key: await spkiPem(pair.publicKey), fingerprint: 'f'.repeat(64), updated_at: 1 });
    const { device, ended } = await live();
    const url = `/connect-service/v2.4/devices?action=replaceDevice&orgId=default&assetId=${device.asset_id}`;
    const res = await endedBy(send('POST', url, { newDeviceKey: 'replaced-live', requireSecret: true }), ended, device);
    const body = res.json<{ code: number; data: { deviceSecret: string; sessionKey: string } }>();
    expect(body.code).toBe(ENOS_CODES.ok);
    expect(await app.t.db.selectFrom('devices').select(['connected', 'online_status']).where('id', '=', device.id).executeTakeFirstOrThrow()).toEqual({
      connected: 0,
      online_status: 0,
    });
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(device), SECRET))).toBe(4);
    const secret = await openSecret(pair.privateKey, body.data);
    await (await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(device), secret))).endAsync();
    await vi.waitFor(async () =>
      expect((await reasons(device.id)).map((r) => r.reason)).toEqual(['connected', 'key replaced', 'refused: credentials', 'connected', 'device closed']),
    );
  });

  it('000 refuses a status change while the device is connected, reading the live session', async () => {
    const { device, client } = await live();
    const url = `/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default&assetId=${device.asset_id}`;
    const res = await send('POST', url, { status: 'offline' });
    expect(res.json()).toMatchObject({ code: ENOS_CODES.invalidArguments });
    await client.endAsync();
  });

  it('lists the connection history through the console call, newest first, paged', async () => {
    const { device, client } = await live();
    await client.endAsync();
    const url = `/console/v1/projects/default/instances/default/devices/${device.id}/connections`;
    const get = (path: string) => app.t.app.inject({ method: 'GET', url: path, headers: { 'x-auth-token': token } });
    await vi.waitFor(async () => expect((await get(url)).json().total).toBe(2));
    expect((await get(url)).json().items.map((item: { reason: string }) => item.reason)).toEqual(['device closed', 'connected']);
    expect((await get(`${url}?offset=1&limit=1`)).json()).toEqual({
      total: 2,
      items: [{ at: expect.any(Number), event: 'connected', reason: 'connected', client_ip: '127.0.0.1' }],
    });
    expect((await get(`${url}?limit=101`)).statusCode).toBe(400);
    expect((await get(url.replace(`/${device.id}/`, '/99999999/'))).json()).toMatchObject({ error_code: 'ROMA.00110006' });
  });
});
