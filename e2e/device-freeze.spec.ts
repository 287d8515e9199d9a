import { expect, test, type Page } from '@playwright/test';
import { canModify, findDevices, LINE_PLC, openDevicePage, pickDevice, PUMP_CONTROLLER, readDevice, setFrozen } from './support/device-api';
import { signInAt } from './support/sign-in';
import { waitForRows } from './support/device-list';

const header = (page: Page) => page.locator('.device-summary');
const SUB_DEVICE_REASON = 'Sub-devices connect through their gateway and cannot be frozen.';

test.describe('freeze and unfreeze (003)', () => {
  test('freezes a device after saying what that does, and unfreezes it', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: LINE_PLC, node_type: '0', frozen: 'false' }, (d) => canModify(d) && !d.connected);
    await openDevicePage(page, device);

    await page.getByRole('button', { name: 'Freeze…', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Freeze ${device.device_name}?` });
    await expect(confirm).toContainText('The device is disconnected now and cannot connect again until it is unfrozen.');
    await confirm.getByRole('button', { name: 'Freeze device' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${device.device_name} is frozen.` })).toBeVisible();
    await expect(header(page)).toContainText('Frozen');
    expect((await readDevice(request, device.id)).frozen).toBe(true);

    await page.getByRole('button', { name: 'Unfreeze…', exact: true }).click();
    await page.getByRole('dialog', { name: `Unfreeze ${device.device_name}?` }).getByRole('button', { name: 'Unfreeze device' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${device.device_name} is unfrozen.` })).toBeVisible();
    await expect(header(page)).not.toContainText('Frozen');
    expect((await readDevice(request, device.id)).frozen).toBe(false);
  });

  test('a sub-device is not offered freezing, and the page says why', async ({ page, request }) => {
    const sub = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify);
    await openDevicePage(page, sub);
    const freeze = page.getByRole('button', { name: 'Freeze…', exact: true });
    await expect(freeze).toBeDisabled();
    await expect(freeze).toHaveAccessibleDescription(new RegExp(SUB_DEVICE_REASON));
    await expect(page.getByRole('region', { name: 'State' })).toContainText(SUB_DEVICE_REASON);
  });

  test("the service's refusal of a sub-device (IOTDA.000006) is shown and the freeze rolled back", async ({ page, request }) => {
    const sub = await pickDevice(request, { product_id: PUMP_CONTROLLER }, (d) => canModify(d) && !d.frozen);
    // A stale view that takes the sub-device for a direct one: only the service can refuse.
    await page.route(`**/link/instances/*/devices/${sub.id}`, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), node_type: 0 } });
    });
    await openDevicePage(page, sub);
    await page.getByRole('button', { name: 'Freeze…', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Freeze ${sub.device_name}?` });
    await confirm.getByRole('button', { name: 'Freeze device' }).click();
    await expect(confirm.getByRole('alert')).toContainText('this device is a sub-device');
    await expect(confirm.getByRole('alert')).toContainText('IOTDA.000006');
    await expect(header(page)).not.toContainText('Frozen');
    expect((await readDevice(request, sub.id)).frozen).toBe(false);
  });

  test('freezes every matching device as one task, then unfreezes a page with the per-device report', async ({ page, request }) => {
    const query = { product_id: LINE_PLC, online_status: '0', frozen: 'false' };
    const devices = await findDevices(request, query);
    const direct = devices.filter((d) => d.node_type !== 2).length;
    const subs = devices.length - direct;
    const frozenBefore = await findDevices(request, { ...query, frozen: 'true' });
    expect(direct).toBeGreaterThan(0);
    expect(subs).toBeGreaterThan(0);

    // A small page, so most of the selection comes from "select all matching" and was never on screen.
    await signInAt(page, `/?${new URLSearchParams({ ...query, limit: '5' })}`);
    await waitForRows(page);
    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    await page.getByRole('button', { name: `Select all ${devices.length} matching devices` }).click();
    await expect(page.getByRole('region', { name: 'Selection' })).toContainText(`${devices.length} devices selected`);
    await page.getByRole('button', { name: 'Freeze…', exact: true }).click();
    // Every matching device goes to the service as one task: the filter, not the devices.
    const confirm = page.getByRole('dialog', { name: `Freeze ${devices.length} devices?` });
    await expect(confirm).toContainText('every device matching the list’s filter');
    await confirm.getByRole('button', { name: `Freeze ${devices.length} devices` }).click();

    const ended = page.getByRole('dialog', { name: 'Freezing devices: task ended' });
    // The service fails each sub-device with the reason, which the task's report gives.
    await expect(ended.getByRole('status')).toHaveText(`${direct} frozen, ${subs} failed.`);
    await ended.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('region', { name: 'Selection' })).toContainText('No device selected');
    expect((await findDevices(request, { product_id: LINE_PLC, online_status: '0', frozen: 'true' }, (d) => devices.some((x) => x.id === d.id))).length).toBe(direct);

    await page.goto(`/?${new URLSearchParams({ product_id: LINE_PLC, online_status: '0', frozen: 'true', limit: '100' })}`);
    await waitForRows(page);
    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    await page.getByRole('button', { name: 'Unfreeze…', exact: true }).click();
    const toUnfreeze = direct + frozenBefore.filter((d) => d.node_type !== 2).length;
    await page.getByRole('dialog').getByRole('button', { name: /^Unfreeze \d+ devices?$/ }).click();
    await expect(page.getByRole('dialog', { name: 'Unfreeze: result' }).getByRole('status')).toContainText(`${toUnfreeze} unfrozen, 0 failed`);
    for (const device of frozenBefore) await setFrozen(request, device, true);
  });

  test('a bulk freeze can be cancelled: what was not sent is reported as not attempted', async ({ page, request }) => {
    const query = { product_id: LINE_PLC, node_type: '0', online_status: '0', frozen: 'false' };
    const devices = await findDevices(request, query, canModify);
    await page.route('**/v5/iot/**/freeze', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.fallback();
    });
    await signInAt(page, `/?${new URLSearchParams({ ...query, limit: '100' })}`);
    await waitForRows(page);
    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    await page.getByRole('button', { name: 'Freeze…', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: `Freeze ${devices.length} devices` }).click();
    const running = page.getByRole('dialog', { name: 'Freezing devices' });
    await expect(running.getByRole('progressbar')).toBeVisible();
    await running.getByRole('button', { name: 'Cancel' }).click();

    const report = page.getByRole('dialog', { name: 'Freeze: result' });
    await expect(report.getByRole('status')).toContainText('not attempted');
    await expect(report.getByRole('region', { name: 'Result per device' })).toContainText('Cancelled before this device was sent.');
    const frozen = await findDevices(request, { ...query, frozen: 'true' }, (d) => devices.some((x) => x.id === d.id));
    expect(frozen.length).toBeLessThan(devices.length);
    await report.getByRole('button', { name: 'Done' }).click();
    for (const device of frozen) await setFrozen(request, device, false);
  });
});
