import { expect, test } from '@playwright/test';
import { E2E_SEED_DEVICES } from './support/config';
import { deviceRows, listTotal, PRODUCTS, summary, summaryCount, table, waitForRows } from './support/device-list';
import { signInAt, submitSignIn } from './support/sign-in';

/** A selected row's background: the accent-soft colour of the console's palette. */
const SELECTED_ROW = 'rgb(232, 240, 253)';

test.describe('device list', () => {
  test('filters held in the URL: from a bookmark, from the controls, and back again', async ({ page }) => {
    await signInAt(page, `/?online_status=1&product_id=${PRODUCTS.smartMeter}`);
    await expect(page).toHaveURL(/online_status=1/);
    await expect(page.getByRole('checkbox', { name: 'Online', exact: true })).toBeChecked();
    await expect(page.getByLabel('Product ID')).toHaveValue(String(PRODUCTS.smartMeter));
    await waitForRows(page);
    for (const status of await deviceRows(page).locator('td:nth-child(6)').allInnerTexts()) expect(status).toBe('Online');

    // Narrow further by typing part of the first device's name.
    const firstName = await deviceRows(page).first().getByRole('link').innerText();
    const fragment = firstName.slice(0, 6);
    await page.getByLabel('Device name').fill(fragment);
    await expect(page).toHaveURL(new RegExp(`device_name=${fragment}`));
    await waitForRows(page);
    for (const name of await deviceRows(page).getByRole('link').allInnerTexts()) expect(name.toLowerCase()).toContain(fragment.toLowerCase());

    // A second filter from a control, then the back button undoes them one at a time.
    await page.getByLabel('Node type').selectOption({ label: 'Direct' });
    await expect(page).toHaveURL(/node_type=0/);
    await page.goBack();
    await expect(page).not.toHaveURL(/node_type=/);
    await expect(page.getByLabel('Node type')).toHaveValue('');
    await page.goBack();
    await expect(page).not.toHaveURL(/device_name=/);
    await expect(page.getByLabel('Device name')).toHaveValue('');
  });

  test('a selected row is highlighted until it is deselected, also after the page is sorted', async ({ page }) => {
    await signInAt(page, '/?limit=20');
    await waitForRows(page);
    const first = deviceRows(page).first();
    const name = await first.getByRole('link').innerText();
    const row = deviceRows(page).filter({ has: page.getByRole('link', { name, exact: true }) });
    await row.getByRole('checkbox').check();
    await expect(row).toHaveCSS('background-color', SELECTED_ROW);
    await expect(deviceRows(page).nth(1)).not.toHaveCSS('background-color', SELECTED_ROW);
    // A sort and back again renders the page from a new row model; the selection must still show.
    await table(page).getByRole('columnheader', { name: /Node type/ }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=node_type/);
    await page.goBack();
    await expect(row).toHaveCSS('background-color', SELECTED_ROW);
    await row.getByRole('checkbox').uncheck();
    await expect(row).not.toHaveCSS('background-color', SELECTED_ROW);
  });

  test('sorts by a column and pages with a chosen page size', async ({ page }) => {
    await signInAt(page, '/');
    await waitForRows(page);
    expect(await listTotal(page)).toBe(E2E_SEED_DEVICES);

    const nameHeader = table(page).getByRole('columnheader', { name: /Name/ });
    await nameHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=device_name/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await deviceRows(page).getByRole('link').allInnerTexts();
    await nameHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=-device_name/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(deviceRows(page).first().getByRole('link')).not.toHaveText(ascending[0]!);

    await page.getByLabel('Rows per page').selectOption('20');
    await expect(page).toHaveURL(/limit=20/);
    await expect(deviceRows(page)).toHaveCount(20);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText(`1–20 of ${E2E_SEED_DEVICES}`);
    const firstOfPage1 = await deviceRows(page).first().getByRole('link').innerText();
    await pagination.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/offset=20/);
    await expect(pagination).toContainText(`21–40 of ${E2E_SEED_DEVICES}`);
    await expect(deviceRows(page).first().getByRole('link')).not.toHaveText(firstOfPage1);
    await page.goBack();
    await expect(pagination).toContainText(`1–20 of ${E2E_SEED_DEVICES}`);
  });

  test('a page of 999 rows keeps only the visible rows in the page and scrolls to the last', async ({ page }) => {
    await signInAt(page, '/?limit=999');
    await waitForRows(page);
    expect(await deviceRows(page).count()).toBeLessThan(80);
    await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table(page).getByRole('row').last()).toHaveAttribute('aria-rowindex', String(E2E_SEED_DEVICES + 1));
  });

  test('the fleet summary filters the list by the part clicked, and follows the filters', async ({ page }) => {
    await signInAt(page, '/');
    await waitForRows(page);
    const online = await summaryCount(page, 'Online');
    await summary(page).getByRole('button', { name: /^Online\b/ }).click();
    await expect(page).toHaveURL(/online_status=1/);
    await expect(summary(page).getByRole('button', { name: /^Online\b/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => listTotal(page)).toBe(online);
    await expect.poll(() => summaryCount(page, 'Offline')).toBe(0);

    // A second part narrows further; the counts follow, and still agree with the list.
    await summary(page).getByRole('button', { name: /^Enabled\b/ }).click();
    await expect(page).toHaveURL(/online_status=1&status=0/);
    await expect.poll(() => summaryCount(page, 'Disabled')).toBe(0);
    await expect.poll(async () => (await listTotal(page)) === (await summaryCount(page, 'Enabled'))).toBe(true);
  });

  test('no match: says so and clears the filters', async ({ page }) => {
    await signInAt(page, '/?device_name=no-such-device-anywhere');
    await expect(page.getByText('No device matches', { exact: true })).toBeVisible();
    await page.getByRole('status').getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).not.toHaveURL(/device_name/);
    await waitForRows(page);
  });

  test('a 401 mid-session returns to sign-in, then back to the same view', async ({ page }) => {
    await signInAt(page, '/?status=0&limit=20');
    await waitForRows(page);
    // The service no longer honours the tab's token (it expired or was revoked).
    await page.evaluate(() => {
      const key = 'device-console.session';
      const session = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem(key, JSON.stringify({ ...session, token: 'expired-token' }));
    });
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/sign-in\?return_to=/);
    await submitSignIn(page);
    await expect(page).toHaveURL(/\/\?status=0&offset=20&limit=20$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await waitForRows(page);
  });

  test('signs out from the header, and the service refuses the token from then on', async ({ page, request }) => {
    await signInAt(page, '/');
    await expect(page.getByRole('banner')).toContainText('admin');
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('device-console.session')!) as { token: string }).token);
    const listWith = () => request.get('/v2/default/link/instances/default/devices?limit=1', { headers: { 'x-auth-token': token } });
    expect((await listWith()).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect.poll(async () => (await listWith()).status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
