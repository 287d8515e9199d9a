import { describe, expect, it, vi } from 'vitest';
import { addDeviceWithSecret, connectCredentials, iotdaId } from '../test-support/device-credentials';
import { connectDevice, connectionEnded, refusalCode, silentDevice } from '../test-support/mqtt-device';
import { useAppWithProduct } from '../test-support/app-with-product';

const SECRET = 'GatewaySecretGatewaySecret123456';
const HOUR = 3_600_000;

describe('the MQTT gateway: who may connect', () => {
  const app = useAppWithProduct({ gateway: true });

  const device = (over: Parameters<typeof addDeviceWithSecret>[3] = {}) => addDeviceWithSecret(app.t, app.product, SECRET, over);
  const row = (id: number) => app.t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const history = (id: number) =>
    app.t.db.selectFrom('device_connections').select(['event', 'reason', 'client_ip']).where('device_id', '=', id).orderBy('id').execute();

  it('admits a device with its credentials: connected, online, its address, keep-alive and a history line', async () => {
    const d = await device({ online_status: 0 });
    const client = await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET), { keepalive: 30 });
    await vi.waitFor(async () => expect(await row(d.id)).toMatchObject({ connected: 1, online_status: 1, client_ip: '127.0.0.1', keep_alive: '30' }));
    expect((await row(d.id)).last_login_datetime).toBeGreaterThan(Date.now() - 60_000);
    await client.endAsync();
    await vi.waitFor(async () => expect(await row(d.id)).toMatchObject({ connected: 0, online_status: 2 }));
    expect(await history(d.id)).toEqual([
      { event: 'connected', reason: 'connected', client_ip: '127.0.0.1' },
      { event: 'disconnected', reason: 'device closed', client_ip: '127.0.0.1' },
    ]);
  });

  it('refuses with IoTDA codes: 2 for a bad ClientId, 4 for credentials, 5 for frozen or disabled', async () => {
    const d = await device();
    const good = connectCredentials(iotdaId(d), SECRET);
    expect(await refusalCode(app.t.mqttPort, { ...good, clientId: `${iotdaId(d)}_9_9_x` })).toBe(2);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(d), 'WrongSecretWrongSecretWrong12345'))).toBe(4);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(`${app.product.id}_nobody`, SECRET))).toBe(4);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET, { at: Date.now() - 5 * HOUR }))).toBe(4);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(await device({ frozen: 1 })), SECRET))).toBe(5);
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(await device({ status: 1 })), SECRET))).toBe(5);
    await vi.waitFor(async () => expect((await history(d.id)).map((h) => h.reason)).toContain('refused: credentials'));
    expect((await row(d.id)).connected).toBe(0);
  });

  it('refuses MQTT 5 as an unacceptable protocol version (code 1), and the service keeps answering', async () => {
    const d = await device();
    expect(await refusalCode(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET), { protocolVersion: 5 })).toBe(1);
    expect((await app.t.app.inject({ method: 'GET', url: '/v2/default/link/instances/default/devices', headers: { 'x-auth-token': await app.t.token() } })).statusCode).toBe(200);
  });

  it('keeps one session per device: a new CONNECT supersedes the old one', async () => {
    const d = await device();
    const first = await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET));
    const ended = connectionEnded(first);
    const second = await connectDevice(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET, { signType: 0, at: Date.now() - 2 * HOUR }));
    await ended;
    await vi.waitFor(async () => expect((await history(d.id)).map((h) => h.reason)).toEqual(['connected', 'connected', 'superseded']));
    expect(await row(d.id)).toMatchObject({ connected: 1, online_status: 1 });
    await second.endAsync();
  });

  it('ends a session whose device goes silent past 1.5 times its keep-alive', async () => {
    const d = await device();
    const { ended } = await silentDevice(app.t.mqttPort, connectCredentials(iotdaId(d), SECRET), 1);
    await ended;
    await vi.waitFor(async () => expect((await history(d.id)).map((h) => h.reason)).toEqual(['connected', 'keep-alive timeout']));
    expect(await row(d.id)).toMatchObject({ connected: 0, online_status: 2 });
  });
});
