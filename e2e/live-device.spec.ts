import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import mqtt, { type MqttClient } from 'mqtt';
import type { Device } from '../src/contracts/device';
import { connectCredentials } from '../src/simulator/iotda-credentials';
import { readProvisioningFile } from '../src/simulator/provisioning-file';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_LIVE_BASE_URL, E2E_LIVE_DATA_DIR, E2E_MQTT_PORT } from './support/config';
import { deviceRows, waitForRows } from './support/device-list';
import { signInAt, submitSignIn } from './support/sign-in';

// The second e2e service: its MQTT gateway is on (playwright.config.ts).
test.use({ baseURL: E2E_LIVE_BASE_URL });

/** A real MQTT client, as the device would run it; a refusal rejects with its CONNACK code. */
const connect = (deviceId: string, secret: string): Promise<MqttClient> =>
  mqtt.connectAsync(`mqtt://127.0.0.1:${E2E_MQTT_PORT}`, { ...connectCredentials(deviceId, secret), protocolVersion: 4, reconnectPeriod: 0 });

async function devicesByNode(request: APIRequestContext): Promise<Map<string, Device>> {
  const signIn = await request.post('/v3/auth/tokens', { data: { username: ADMIN_USER, password: ADMIN_PASSWORD } });
  const res = await request.get('/v2/default/link/instances/default/devices', { params: { limit: '999' }, headers: { 'x-auth-token': signIn.headers()['x-subject-token'] ?? '' } });
  const { items } = (await res.json()) as { items: Device[] };
  return new Map(items.map((d) => [d.iotda_device_id, d]));
}

test('a device connects with a real client, is forced offline, and connects again with a replaced key revealed in the browser', async ({ page, request }) => {
  test.setTimeout(60_000);
  const byId = await devicesByNode(request);
  const provisioned = await readProvisioningFile(path.join(E2E_LIVE_DATA_DIR, 'demo-fleet-credentials.csv'));
  const pick = provisioned.find((p) => {
    const d = byId.get(p.deviceId);
    return d && d.status === 0 && !d.frozen && d.permissions.includes('modify');
  });
  if (!pick) throw new Error('the live seed has no enabled, unfrozen device to connect');
  const device = byId.get(pick.deviceId)!;
  const row = () => deviceRows(page).filter({ hasText: device.device_name });

  const client = await connect(pick.deviceId, pick.secret);
  await test.step('its row shows it online after a reload', async () => {
    await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
    await waitForRows(page);
    await expect.poll(async () => (await page.reload(), await row().textContent()), { timeout: 10_000 }).toContain('Online');
  });

  await test.step('the operator forces it offline, and the client sees its connection end', async () => {
    const ended = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await row().getByRole('checkbox', { name: `Select ${device.device_name}` }).check();
    await page.getByRole('button', { name: 'Force offline…' }).click();
    await page.getByRole('dialog', { name: 'Force 1 device offline?' }).getByRole('button', { name: 'Force 1 device offline' }).click();
    await expect(page.getByRole('dialog', { name: 'Force offline: result' }).getByRole('status')).toHaveText('1 brought offline, 0 failed.');
    await ended;
  });

  await test.step('its page tells the story: connected, then forced offline by a user', async () => {
    await page.goto(`/devices/${device.id}`);
    if (await page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()) await submitSignIn(page);
    const history = page.getByRole('table', { name: 'Connection history' });
    await expect(history.getByRole('row').nth(1)).toContainText('forced offline by a user');
    await expect(history.getByRole('row').nth(2)).toContainText('connected');
  });

  let secret = '';
  await test.step('the operator replaces its key and reveals the new secret in the browser', async () => {
    await page.getByRole('button', { name: 'Replace key…' }).click();
    const form = page.getByRole('dialog', { name: 'Replace device key' });
    await form.getByRole('button', { name: 'Create organisation key' }).click();
    await form.getByRole('textbox', { name: 'New device key' }).fill(`${device.device_key}-live`);
    await form.getByRole('button', { name: 'Replace key' }).click();
    const reveal = page.getByRole('dialog', { name: 'Save the new device secret' });
    await reveal.getByRole('button', { name: 'Show device secret' }).click();
    secret = await reveal.getByRole('group', { name: 'Device secret' }).locator('code').innerText();
    expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  await test.step('a client connects with the revealed secret; the old one is refused (CONNACK 4)', async () => {
    await expect(connect(pick.deviceId, pick.secret)).rejects.toMatchObject({ code: 4 });
    const renewed = await connect(pick.deviceId, secret);
    expect(renewed.connected).toBe(true);
    await renewed.endAsync();
  });
});
