import { expect, test, type Page } from '@playwright/test';
import { deviceRows, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

const selectionCount = (page: Page) => page.getByRole('region', { name: 'Selection' }).locator('.selection-count');

test.describe('keyboard shortcuts', () => {
  test('/ goes to the search, which takes keys as text; j j x then selects the second row', async ({ page }) => {
    await signInAt(page, '/?limit=20');
    await waitForRows(page);
    const search = page.getByRole('searchbox', { name: 'Device name' });

    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('jjx?');
    await expect(search).toHaveValue('jjx?');
    await expect(selectionCount(page)).toHaveText('No device selected');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await search.fill('');
    await expect(page).not.toHaveURL(/device_name=/);
    await waitForRows(page);
    await search.blur();
    const second = deviceRows(page).nth(1);
    const name = await second.getByRole('link').innerText();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(second.getByRole('link')).toBeFocused();
    await page.keyboard.press('x');
    await expect(selectionCount(page)).toHaveText('1 device selected');
    await expect(page.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeChecked();
  });

  test('j goes on past the rows rendered, scrolling each into view', async ({ page }) => {
    await signInAt(page, '/?limit=100');
    await waitForRows(page);
    for (let i = 0; i < 60; i++) await page.keyboard.press('j');
    const focused = page.locator('table.device-table tbody tr[data-index="59"]');
    await expect(focused.getByRole('link')).toBeFocused();
    await expect(focused).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('k');
    await expect(page.locator('table.device-table tbody tr[data-index="58"]').getByRole('link')).toBeFocused();
  });

  test('? lists the shortcuts and Escape closes the list', async ({ page }) => {
    await signInAt(page, '/');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Go to Tasks');
    // Keys belong to the dialog while it is open.
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await expect(page).toHaveURL(/\/$/);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('g t goes to Tasks and g d back to the device list', async ({ page }) => {
    await signInAt(page, '/');
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    await expect(page).toHaveURL(/\/tasks$/);
    // A chord is the browser's: Ctrl+D bookmarks, it does not leave Tasks.
    await page.keyboard.press('g');
    await page.keyboard.press('Control+d');
    await expect(page).toHaveURL(/\/tasks$/);

    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });
});
