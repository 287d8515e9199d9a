import { expect, test, type Page } from '@playwright/test';
import type { Device } from '../src/contracts/device';
import { canModify, openDevicePage, pickDevice, PUMP_CONTROLLER, readDevice } from './support/device-api';

const statusDialog = (page: Page) => page.getByRole('dialog', { name: 'Change displayed status' });
const header = (page: Page) => page.locator('.device-summary');

async function openStatusDialog(page: Page, device: Device) {
  await openDevicePage(page, device);
  await page.getByRole('button', { name: 'Change status…' }).click();
  await expect(statusDialog(page)).toContainText('It does not connect or disconnect the device');
}

test.describe('status modification (000)', () => {
  test('corrects the displayed status of a device that is not connected', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER, status: '0', online_status: '2' }, (d) => canModify(d) && !d.mirrored && !d.connected);
    await openStatusDialog(page, device);
    await statusDialog(page).getByRole('radio', { name: /^Inactive/ }).check();
    await statusDialog(page).getByRole('button', { name: 'Set status' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Status of ${device.device_name} set to Inactive.` })).toBeVisible();
    await expect(header(page)).toContainText('Inactive');
    expect(await readDevice(request, device.id)).toMatchObject({ online_status: 0, connected: false });
  });

  test('a connected device: says why, then forces it offline first (004) and sets the status', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER, status: '0' }, (d) => canModify(d) && !d.mirrored && d.connected);
    await openStatusDialog(page, device);
    await expect(statusDialog(page)).toContainText('This device is connected right now');
    await statusDialog(page).getByRole('radio', { name: /^Offline/ }).check();
    await statusDialog(page).getByRole('button', { name: 'Force offline first, then set status' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'set to Offline.' })).toBeVisible();
    await expect(header(page).getByText('Connected', { exact: true })).toBeHidden();
    expect(await readDevice(request, device.id)).toMatchObject({ online_status: 2, connected: false });
  });

  test('a mirrored device: says why before trying and offers no change', async ({ page, request }) => {
    const device = await pickDevice(request, {}, (d) => canModify(d) && d.mirrored);
    await openStatusDialog(page, device);
    await expect(statusDialog(page)).toContainText('This device is mirrored');
    await expect(statusDialog(page).getByRole('radio')).toHaveCount(0);
    await expect(statusDialog(page).getByRole('button', { name: /Set status/ })).toHaveCount(0);
    await statusDialog(page).getByRole('button', { name: 'OK' }).click();
    await expect(statusDialog(page)).toBeHidden();
  });

  test('a disabled device: says why before trying and offers no change', async ({ page, request }) => {
    const device = await pickDevice(request, { status: '1' }, (d) => canModify(d) && !d.mirrored);
    await openStatusDialog(page, device);
    await expect(statusDialog(page)).toContainText('This device is disabled');
    await expect(statusDialog(page)).toContainText('Enable it first');
    await expect(statusDialog(page).getByRole('button', { name: /Set status/ })).toHaveCount(0);
  });

  test("the service's own refusal is shown verbatim with its code, and the status rolls back", async ({ page, request }) => {
    const device = await pickDevice(request, { status: '0' }, (d) => canModify(d) && d.mirrored && !d.connected);
    // A stale view: the page believes the device is not mirrored, so only the service can refuse.
    await page.route(`**/link/instances/*/devices/${device.id}`, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), mirrored: false } });
    });
    const shownBefore = device.online_status === 0 ? 'Inactive' : device.online_status === 1 ? 'Online' : 'Offline';
    const target = device.online_status === 0 ? 'Offline' : 'Inactive';
    await openStatusDialog(page, device);
    await statusDialog(page).getByRole('radio', { name: new RegExp(`^${target}`) }).check();
    await statusDialog(page).getByRole('button', { name: 'Set status' }).click();

    const refusal = statusDialog(page).getByRole('alert');
    await expect(refusal).toContainText('The service refused: Invalid arguments: Unable to modify status for mirrored devices.');
    await expect(refusal).toContainText('Code 99400');
    await expect(header(page).locator('.badge').first()).toHaveText(shownBefore);
    expect((await readDevice(request, device.id)).online_status).toBe(device.online_status);
  });
});
