import { describe, expect, it } from 'vitest';
import { addDeviceWithSecret, connectCredentials, iotdaId } from '../test-support/device-credentials';
import { addDevice } from '../test-support/fixtures';
import { authenticateDevice, parseClientId, type ConnectAttempt } from './device-auth';
import { useAppWithProduct } from '../test-support/app-with-product';

const SECRET = 'S3cretS3cretS3cretS3cretS3cret12';
const HOUR = 3_600_000;

describe('authenticateDevice (IoTDA CONNECT)', () => {
  const app = useAppWithProduct();

  const device = (over: Parameters<typeof addDeviceWithSecret>[3] = {}) => addDeviceWithSecret(app.t, app.product, SECRET, over);
  const attempt = (credentials: { clientId: string; username: string; password: string }, now = Date.now()): ConnectAttempt => ({
    clientId: credentials.clientId,
    username: credentials.username,
    password: Buffer.from(credentials.password),
    now,
  });
  const auth = (a: ConnectAttempt) => authenticateDevice(app.t, a);

  it('admits the device id, its secret and a current timestamp, with either sign type', async () => {
    const d = await device();
    expect(await auth(attempt(connectCredentials(iotdaId(d), SECRET)))).toMatchObject({ ok: true, device: { id: d.id } });
    const unchecked = connectCredentials(iotdaId(d), SECRET, { signType: 0, at: Date.now() - 30 * 24 * HOUR });
    expect(await auth(attempt(unchecked))).toMatchObject({ ok: true, device: { id: d.id } });
  });

  it('answers 2 for a ClientId of the wrong shape', async () => {
    const d = await device();
    const good = connectCredentials(iotdaId(d), SECRET);
    for (const clientId of ['', iotdaId(d), `${iotdaId(d)}_1_1_${good.clientId.slice(-10)}`, `${iotdaId(d)}_0_2_2026120411`, `${iotdaId(d)}_0_1_20261204`]) {
      expect(await auth(attempt({ ...good, clientId }))).toMatchObject({ ok: false, code: 2 });
    }
  });

  it('answers 4 alike for a wrong secret, an unknown device, another username and a stale sign-type-1 timestamp', async () => {
    const d = await device();
    expect(await auth(attempt(connectCredentials(iotdaId(d), `${SECRET.slice(1)}x`)))).toMatchObject({ ok: false, code: 4, device: { id: d.id } });
    expect(await auth(attempt(connectCredentials(`${app.product.id}_no-such-node`, SECRET)))).toEqual({ ok: false, code: 4, reason: 'credentials' });
    expect(await auth(attempt({ ...connectCredentials(iotdaId(d), SECRET), username: 'someone-else' }))).toMatchObject({ ok: false, code: 4 });
    const stale = connectCredentials(iotdaId(d), SECRET, { at: Date.now() - 3 * HOUR });
    expect(await auth(attempt(stale))).toMatchObject({ ok: false, code: 4 });
  });

  it('refuses a device whose secret is not kept (stored before secrets were sealed)', async () => {
    const d = await addDevice(app.t.db, app.product, { secret_sealed: null });
    expect(await auth(attempt(connectCredentials(iotdaId(d), SECRET)))).toMatchObject({ ok: false, code: 4 });
  });

  it('answers 5 for a frozen device (003), a disabled one (001) and a sub-device', async () => {
    for (const [over, reason] of [[{ frozen: 1 }, 'frozen'], [{ status: 1 }, 'disabled'], [{ node_type: 2 }, 'sub-device']] as const) {
      const d = await device(over);
      expect(await auth(attempt(connectCredentials(iotdaId(d), SECRET)))).toMatchObject({ ok: false, code: 5, reason });
    }
  });

  it('checks the secret before telling whether a device is frozen', async () => {
    const frozen = await device({ frozen: 1 });
    expect(await auth(attempt(connectCredentials(iotdaId(frozen), 'guess')))).toMatchObject({ ok: false, code: 4 });
  });

  it('reads node ids that contain underscores', () => {
    expect(parseClientId('10001_pump_a_1_0_1_2026120411')).toEqual({ deviceId: '10001_pump_a_1', productId: 10001, nodeId: 'pump_a_1', signType: 1, timestamp: '2026120411' });
  });
});
