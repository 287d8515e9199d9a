import { expect, test, type Page } from '@playwright/test';
import { canModify, findDevices, openDevicePage, pickDevice, PUMP_CONTROLLER, readDevice } from './support/device-api';
import { deviceRows, listTotal, waitForRows } from './support/device-list';
import { signInAt, submitSignIn } from './support/sign-in';

/** The browser's back button. The guard holds the traversal, so the browser never finishes it: don't wait for it. */
const pressBack = (page: Page) => page.goBack({ timeout: 1_000 }).catch(() => null);

test.describe('device page', () => {
  test('shows the whole device grouped for reading, with its gateway and sub-devices linked', async ({ page, request }) => {
    const gateway = await pickDevice(request, { node_type: '1' }, () => true);
    const subs = await findDevices(request, { node_type: '2' }, (d) => d.parent_device_id === gateway.id);
    expect(subs.length).toBeGreaterThan(0);
    await openDevicePage(page, gateway);

    for (const title of ['Identity', 'State', 'Description and tags', 'Hierarchy', 'Product', 'Addresses', 'Audit', 'Authentication']) {
      await expect(page.getByRole('region', { name: title })).toBeVisible();
    }
    const identity = page.getByRole('region', { name: 'Identity' });
    await expect(identity).toContainText(gateway.asset_id);
    await expect(identity).toContainText(gateway.device_key);
    await expect(page.getByRole('region', { name: 'Authentication' })).toContainText(gateway.authentication.user_name);
    await expect(page.getByRole('region', { name: 'Authentication' })).toContainText('The password is never shown');

    const list = page.getByRole('list', { name: `${subs.length} sub-device${subs.length === 1 ? '' : 's'}` });
    await expect(list.getByRole('link')).toHaveText(subs.map((s) => s.device_name));

    // Down to a sub-device, and back up through its parent link.
    await list.getByRole('link', { name: subs[0]!.device_name }).click();
    await expect(page.getByRole('heading', { level: 1, name: subs[0]!.device_name })).toBeVisible();
    await page.getByRole('region', { name: 'Hierarchy' }).getByRole('link', { name: gateway.device_name }).click();
    await expect(page.getByRole('heading', { level: 1, name: gateway.device_name })).toBeVisible();
  });

  test("a gateway's sub-devices open in the list filtered by parent, and the filter can be cleared", async ({ page, request }) => {
    const gateway = await pickDevice(request, { node_type: '1' }, () => true, 1);
    const subs = await findDevices(request, { node_type: '2' }, (d) => d.parent_device_id === gateway.id);
    expect(subs.length).toBeGreaterThan(1);
    await openDevicePage(page, gateway);
    await page.getByRole('region', { name: 'Hierarchy' }).getByRole('link', { name: `Show all ${subs.length} in the list` }).click();

    await expect(page).toHaveURL(new RegExp(`[?&]parent_device_id=${gateway.id}\\b`));
    const parent = page.getByLabel('Parent gateway ID');
    await expect(parent).toHaveValue(String(gateway.id));
    await waitForRows(page);
    await expect(deviceRows(page)).toHaveCount(subs.length);
    expect(await listTotal(page)).toBe(subs.length);

    await parent.clear();
    await expect(page).not.toHaveURL(/parent_device_id/);
    await waitForRows(page);
    await expect.poll(() => listTotal(page)).toBeGreaterThan(subs.length);
  });

  test('a device that does not exist gets a clear page', async ({ page }) => {
    await page.goto('/devices/99999999999');
    await submitSignIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Device not found' })).toBeVisible();
    await expect(page.getByText('No device with ID 99999999999 exists')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the device list' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
  });

  test('without the modify permission, every change is disabled and says why', async ({ page, request }) => {
    const readOnly = await pickDevice(request, {}, (d) => !canModify(d));
    await openDevicePage(page, readOnly);
    const actions = page.getByRole('group', { name: 'Device actions' });
    for (const name of ['Edit', 'Change status…', readOnly.frozen ? 'Unfreeze…' : 'Freeze…']) {
      const button = actions.getByRole('button', { name });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/permissions on this device do not include modify/);
      await button.hover();
      await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText('do not include modify');
    }
  });

  test('an edit shows at once on the page and in the list, and is saved', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 0);
    await openDevicePage(page, device);
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit device' });
    const name = form.getByRole('textbox', { name: 'Name' });
    await expect(name).toBeFocused();
    await name.fill(`${device.device_name}-e1`);
    await form.getByRole('radio', { name: 'Disabled' }).check();
    await form.getByRole('textbox', { name: 'Description' }).fill('Edited by the e2e suite.');
    await form.getByRole('textbox', { name: 'New tag' }).fill('e2e-tag');
    await form.getByRole('textbox', { name: 'New tag' }).press('Enter');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `${device.device_name}-e1` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Description and tags' })).toContainText('e2e-tag');
    await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused();
    expect(await readDevice(request, device.id)).toMatchObject({ device_name: `${device.device_name}-e1`, status: 1, description: 'Edited by the e2e suite.' });

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Devices' }).click();
    await page.getByLabel('Device name').fill(`${device.device_name}-e1`);
    await expect(page.getByRole('link', { name: `${device.device_name}-e1` })).toBeVisible();
  });

  test('a failed save is rolled back and says why, with the request id', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 1);
    await openDevicePage(page, device);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/link/instances/*/devices/${device.id}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await held;
      await route.fulfill({ status: 500, json: { error_code: 'ROMA.00000500', error_msg: 'Internal error.', request_id: 'e2e-req-500' } });
    });
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('renamed-but-failing');
    await page.getByRole('button', { name: 'Save changes' }).click();

    // Optimistic: the page shows the new name while the service has not answered.
    await expect(page.getByRole('heading', { level: 1, name: 'renamed-but-failing' })).toBeVisible();
    release();
    await expect(page.getByRole('alert')).toContainText('Not saved. Internal error. (request id e2e-req-500)');
    await expect(page.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('renamed-but-failing');
  });

  test("a refusal naming a parameter is shown on that field", async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 1);
    await openDevicePage(page, device);
    await page.route(`**/link/instances/*/devices/${device.id}`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            json: {
              error_code: 'SCB.00000000',
              error_msg: 'Parameter is not valid for operation [romalink.link-device.update]. Parameter is [description]. Processor is [body].',
              request_id: 'e2e-req-400',
            },
          })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Edit' }).click();
    const description = page.getByRole('textbox', { name: 'Description' });
    await description.fill('A description the service refuses.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(description).toHaveAccessibleDescription(/The service refused this value \(SCB\.00000000, request id e2e-req-400\)/);
    await expect(description).toBeFocused();
  });

  test('leaving with unsaved changes asks first: links, the back button and closing the tab', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 2);
    // From the list, as an operator arrives, so the back button has somewhere in the console to go.
    await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
    await page.getByRole('link', { name: device.device_name, exact: true }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill(`${device.device_name}-unsaved`);
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Devices' }).click();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await expect(name).toHaveValue(`${device.device_name}-unsaved`);

    await pressBack(page);
    await expect(ask).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/devices/${device.id}$`));
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await expect(name).toHaveValue(`${device.device_name}-unsaved`);

    const prompted = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const prompt = await prompted;
    expect(prompt.type()).toBe('beforeunload');
    await prompt.dismiss();
  });

  test('leaving after confirming discards the changes', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 2);
    await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
    await page.getByRole('link', { name: device.device_name, exact: true }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(`${device.device_name}-discarded`);
    await pressBack(page);
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Discard changes and leave' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page).toHaveURL(/\/\?device_name=/);
    expect((await readDevice(request, device.id)).device_name).toBe(device.device_name);
  });
});
