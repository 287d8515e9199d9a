import { expect, test, type Locator, type Page } from '@playwright/test';
import { canModify, LINE_PLC, openDevicePage, pickDevice, PUMP_CONTROLLER, readDevice } from './support/device-api';
import { waitForRows } from './support/device-list';
import { signInAt, submitSignIn } from './support/sign-in';
import { seriousViolations } from './support/axe';


/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach ${target.toString()} with ${key}`);
}

test.describe('device page: accessibility', () => {
  test('the page, the edit form and every dialog have no serious or critical violation', async ({ page, request }) => {
    const gateway = await pickDevice(request, { node_type: '1' }, canModify);
    await openDevicePage(page, gateway);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('bad name');
    await page.getByRole('textbox', { name: 'New tag' }).fill('t'.repeat(65));
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Devices', exact: true }).first().click();
    await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Change status…' }).click();
    await expect(page.getByRole('dialog', { name: 'Change displayed status' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: gateway.frozen ? 'Unfreeze…' : 'Freeze…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });

  test('read-only and sub-device pages, and the not-found page, have no serious or critical violation', async ({ page, request }) => {
    const readOnly = await pickDevice(request, {}, (d) => !canModify(d));
    await openDevicePage(page, readOnly);
    await page.getByRole('button', { name: 'Edit' }).focus();
    expect(await seriousViolations(page)).toEqual([]);

    const sub = await pickDevice(request, { product_id: PUMP_CONTROLLER }, (d) => canModify(d) && d.mirrored);
    await page.goto(`/devices/${sub.id}`);
    await page.getByRole('button', { name: 'Change status…' }).click();
    await expect(page.getByRole('dialog')).toContainText('mirrored');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/devices/99999999999');
    await expect(page.getByRole('heading', { name: 'Device not found' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the bulk freeze dialogs have no serious or critical violation', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: LINE_PLC, node_type: '2' }, () => true);
    await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
    await waitForRows(page);
    await page.getByRole('checkbox', { name: `Select ${device.device_name}` }).check();
    await page.getByRole('button', { name: 'Freeze…', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Freeze 1 device?' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    // A sub-device is never sent: the run changes nothing, and its report is what is scanned.
    await page.getByRole('button', { name: 'Freeze 1 device' }).click();
    await expect(page.getByRole('dialog', { name: 'Freeze: result' })).toContainText('1 not attempted');
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });
});

test.describe('device page: keyboard only', () => {
  test('edit and save, change the status and open the freeze dialog without a mouse', async ({ page, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER, status: '0' }, (d) => canModify(d) && !d.mirrored && !d.connected, 5);
    await page.goto(`/devices/${device.id}`);
    await submitSignIn(page);
    const edit = page.getByRole('button', { name: 'Edit' });
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.type('-kb');
    await tabTo(page, page.getByRole('textbox', { name: 'New tag' }));
    await page.keyboard.type('keyboard');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `${device.device_name}-kb` })).toBeVisible();
    await expect(edit).toBeFocused();
    expect((await readDevice(request, device.id)).tags).toContain('keyboard');

    await tabTo(page, page.getByRole('button', { name: 'Change status…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Change displayed status' });
    await tabTo(page, dialog.getByRole('radio', { checked: true }));
    await page.keyboard.press('ArrowUp');
    await expect(dialog.getByRole('radio', { name: /^Online/ })).toBeChecked();
    await tabTo(page, dialog.getByRole('button', { name: 'Set status' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'set to Online.' })).toBeVisible();

    // Escape closes a dialog and gives focus back to the button that opened it.
    const changeStatus = page.getByRole('button', { name: 'Change status…' });
    await changeStatus.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(changeStatus).toBeFocused();

    // A sub-device's freeze is still reachable, and tells a keyboard user why it does nothing.
    const freeze = page.getByRole('button', { name: 'Freeze…', exact: true });
    await tabTo(page, freeze);
    await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText('cannot be frozen');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
