import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/config';
import { deviceRows, listTotal, PRODUCTS, summaryCount, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

const selectionCount = (page: Page) => page.getByRole('region', { name: 'Selection' }).locator('.selection-count');

test.describe('bulk force-offline', () => {
  test('select a page, then all matching; the service forces them offline as a task; the counts move', async ({ page }) => {
    await signInAt(page, `/?product_id=${PRODUCTS.temperatureSensor}&online_status=1&limit=20`);
    await waitForRows(page);
    const online = await listTotal(page);
    expect(online).toBeGreaterThan(20);
    expect(await summaryCount(page, 'Online')).toBe(online);

    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    await expect(selectionCount(page)).toHaveText('20 devices selected');
    // Every matching device is selected at once: the filter is kept, no device is downloaded.
    const listCalls: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.url().includes('/link/instances/')) listCalls.push(r.url());
    });
    await page.getByRole('button', { name: `Select all ${online} matching devices` }).click();
    await expect(selectionCount(page)).toHaveText(`${online} devices selected`);
    expect(listCalls).toEqual([]);

    // The selection survives paging and sorting; unticking one leaves it out.
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click();
    await page.getByRole('columnheader', { name: /Node ID/ }).getByRole('button').click();
    await expect(page.getByRole('checkbox', { name: 'Select all devices on this page' })).toBeChecked();
    const unticked = deviceRows(page).first().getByRole('checkbox');
    await unticked.uncheck();
    await expect(selectionCount(page)).toHaveText(`${online - 1} devices selected`);
    await expect(page.getByRole('region', { name: 'Selection' })).toContainText('All matching this filter, less 1 unticked');

    await page.getByRole('button', { name: 'Force offline…' }).click();
    const confirm = page.getByRole('dialog', { name: `Force ${online - 1} devices offline?` });
    await expect(confirm).toContainText('every device matching the list’s filter, less the 1 device you unticked');
    await confirm.getByRole('button', { name: `Force ${online - 1} devices offline` }).click();

    const ended = page.getByRole('dialog', { name: 'Bringing devices offline: task ended' });
    await expect(ended.getByRole('status')).toHaveText(`${online - 1} brought offline, 0 failed.`);
    await expect(ended.getByRole('link', { name: 'View task' })).toHaveAttribute('href', /^\/tasks\/[0-9a-f]{24}$/);
    await ended.getByRole('button', { name: 'Done' }).click();
    await expect(selectionCount(page)).toHaveText('No device selected');
    // Under the "online" filter only the unticked device is left, and the summary counted the others out.
    await expect.poll(() => listTotal(page)).toBe(1);
    await expect.poll(() => summaryCount(page, 'Online')).toBe(1);
  });

  test('a service error rolls the rows back and says why; Retry failed then succeeds', async ({ page }) => {
    await signInAt(page, `/?product_id=${PRODUCTS.smartMeter}&online_status=1&limit=20`);
    await waitForRows(page);
    const onlineBefore = await listTotal(page);
    const connection = deviceRows(page).locator('td:nth-child(6)');

    // The first force-offline request is held, then refused as a failing service would.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/devices/force-offline', async (route) => {
      await held;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'x-request-id': 'e2e-outage-1' },
        body: JSON.stringify({ error_code: 'ROMA.00000503', error_msg: 'The service is temporarily unavailable.', request_id: 'e2e-outage-1' }),
      });
    }, { times: 1 });

    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    await page.getByRole('button', { name: 'Force offline…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Force 20 devices offline' }).click();
    await expect(page.getByRole('dialog', { name: 'Forcing devices offline' })).toBeVisible();
    // Optimistic: every selected row shows offline before the service answers.
    await expect.poll(async () => new Set(await connection.allInnerTexts())).toEqual(new Set(['Offline']));
    release();

    const report = page.getByRole('dialog', { name: 'Force offline: result' });
    await expect(report.getByRole('status')).toHaveText('0 brought offline, 20 failed.');
    await expect(report).toContainText('The service is temporarily unavailable.');
    await expect.poll(async () => new Set(await connection.allInnerTexts())).toEqual(new Set(['Online']));
    await expect(selectionCount(page)).toHaveText('20 devices selected');

    await report.getByRole('button', { name: 'Retry failed (20)' }).click();
    await expect(report.getByRole('status')).toHaveText('20 brought offline, 0 failed.');
    await expect(selectionCount(page)).toHaveText('No device selected');
    await report.getByRole('button', { name: 'Done' }).click();
    // The retried devices really went offline: the "online" list lost exactly them.
    await expect.poll(() => listTotal(page).catch(() => 0)).toBe(onlineBefore - 20);
  });

  test('the whole flow works with the keyboard alone', async ({ page }) => {
    await page.goto(`/?product_id=${PRODUCTS.linePlc}&online_status=1`);
    await page.getByLabel('User name').focus();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await waitForRows(page);

    const firstBox = deviceRows(page).first().getByRole('checkbox');
    await firstBox.focus();
    await page.keyboard.press('Space');
    await expect(selectionCount(page)).toHaveText('1 device selected');
    // Shift+Tab back past the column headers to the toolbar's bulk action.
    const action = page.getByRole('button', { name: 'Force offline…' });
    for (let i = 0; i < 15 && !(await action.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(action).toBeFocused();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Force 1 device offline?' });
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(action).toBeFocused();

    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Force 1 device offline' }).focus();
    await page.keyboard.press('Enter');
    const report = page.getByRole('dialog', { name: 'Force offline: result' });
    await expect(report.getByRole('status')).toHaveText('1 brought offline, 0 failed.');
    await page.keyboard.press('Escape');
    await expect(report).toBeHidden();
  });
});
