import path from 'node:path';
import { expect, test } from '@playwright/test';
import mqtt, { type MqttClient } from 'mqtt';
import type { Device } from '../src/contracts/device';
import { connectCredentials } from '../src/simulator/iotda-credentials';
import { readProvisioningFile } from '../src/simulator/provisioning-file';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_LIVE_BASE_URL, E2E_LIVE_DATA_DIR, E2E_MQTT_PORT } from './support/config';
import { deviceRows, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

// The second e2e service: its MQTT gateway is on (playwright.config.ts).
test.use({ baseURL: E2E_LIVE_BASE_URL });

test('the list and the device page follow a device that connects and drops, with no reload', async ({ page, request }) => {
  test.setTimeout(60_000);
  const signIn = await request.post('/v3/auth/tokens', { data: { username: ADMIN_USER, password: ADMIN_PASSWORD } });
  const res = await request.get('/v2/default/link/instances/default/devices', { params: { limit: '999' }, headers: { 'x-auth-token': signIn.headers()['x-subject-token'] ?? '' } });
  const byId = new Map(((await res.json()) as { items: Device[] }).items.map((d) => [d.iotda_device_id, d]));
  const provisioned = await readProvisioningFile(path.join(E2E_LIVE_DATA_DIR, 'demo-fleet-credentials.csv'));
  // The last such device: live-device.spec.ts takes the first.
  const pick = provisioned.findLast((p) => {
    const d = byId.get(p.deviceId);
    return d && d.status === 0 && !d.frozen && !d.connected;
  });
  if (!pick) throw new Error('the live seed has no enabled, unfrozen, disconnected device');
  const device = byId.get(pick.deviceId)!;
  const row = () => deviceRows(page).filter({ hasText: device.device_name });

  await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
  await waitForRows(page);
  await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
  await expect(row()).not.toContainText('Online');
  const activity = page.getByRole('group', { name: 'Activity, last hour' });
  await expect(activity).toContainText(/\d+ connections?/);
  const connectionsIn = async () => Number((await activity.textContent())!.match(/([\d,]+) connections?/)![1]!.replaceAll(',', ''));
  const connectionsBefore = await connectionsIn();

  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${E2E_MQTT_PORT}`, { ...connectCredentials(pick.deviceId, pick.secret), protocolVersion: 4, reconnectPeriod: 0 });
  await test.step('its row turns online by itself', async () => {
    await expect(row()).toContainText('Online', { timeout: 5_000 });
  });

  await test.step('the activity chart counts its connection by itself', async () => {
    // Other specs' devices may connect meanwhile: at least this one more.
    await expect.poll(connectionsIn, { timeout: 5_000 }).toBeGreaterThan(connectionsBefore);
  });

  await test.step('its page shows the session end and the history grows, by itself', async () => {
    await row().getByRole('link', { name: device.device_name }).click();
    const history = page.getByRole('table', { name: 'Connection history' });
    await expect(history.getByRole('row').nth(1)).toContainText('connected');
    await client.endAsync();
    await expect(history.getByRole('row').nth(1)).toContainText('device closed', { timeout: 5_000 });
    await expect(page.getByRole('main')).toContainText('Offline');
  });

  let again: MqttClient | undefined;
  await test.step('paused, it stops following; resumed, it catches up', async () => {
    await page.getByRole('button', { name: 'Pause live updates' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Paused$/ })).toBeVisible();
    again = await mqtt.connectAsync(`mqtt://127.0.0.1:${E2E_MQTT_PORT}`, { ...connectCredentials(pick.deviceId, pick.secret), protocolVersion: 4, reconnectPeriod: 0 });
    const history = page.getByRole('table', { name: 'Connection history' });
    await page.waitForTimeout(1_500);
    await expect(history.getByRole('row').nth(1)).toContainText('device closed');
    await page.getByRole('button', { name: 'Resume live updates' }).click();
    await expect(history.getByRole('row').nth(1)).toContainText('connected', { timeout: 5_000 });
  });

  await test.step('on a list of online devices, its drop marks its row rather than removing it, until Refresh', async () => {
    await page.goto(`/?online_status=1&device_name=${encodeURIComponent(device.device_name)}`);
    await waitForRows(page);
    await expect(row()).toContainText('Online');
    await again!.endAsync();
    await expect(row()).toContainText('Offline', { timeout: 5_000 });
    await expect(row()).toHaveClass(/is-moved/);
    const banner = page.getByRole('status').filter({ hasText: '1 device changed' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByText('No device matches', { exact: true })).toBeVisible();
    await expect(banner).toBeHidden();
  });
});
