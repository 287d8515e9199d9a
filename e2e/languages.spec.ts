import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER } from './support/config';
import { pickDevice, LINE_PLC } from './support/device-api';
import { deviceRows, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Every catalog chunk the page fetched: per language, the first load's (messages-…) and the lazy pages' (lazy-…). */
function catalogsFetched(page: Page): Set<string> {
  const fetched = new Set<string>();
  page.on('request', (request) => {
    if (/\/assets\/(messages|lazy)-[\w-]{8}\.js$/.test(request.url())) fetched.add(request.url());
  });
  return fetched;
}

test.describe('a browser in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the whole console in Simplified Chinese, with Chinese dates and numbers', async ({ page, request }) => {
    const catalogs = catalogsFetched(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
    expect(await lang(page)).toBe('zh-CN');
    await page.getByLabel('用户名').fill(ADMIN_USER);
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    await expect(page.getByRole('heading', { level: 1, name: '设备' })).toBeVisible();
    await expect(deviceRows(page).first()).toBeVisible();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '任务' })).toBeVisible();
    // Dates as Chinese readers write them: 2026年12月5日.
    await expect(page.getByRole('table', { name: '设备' }).getByRole('row').nth(1)).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    // The list's strings in the language shown, and nothing more.
    expect(catalogs.size).toBe(1);

    const device = await pickDevice(request, { product_id: LINE_PLC }, () => true);
    await page.goto(`/devices/${device.id}`);
    await expect(page.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
    await expect(page.getByRole('region', { name: '变更历史' })).toBeVisible();
    // The device page (a new load) brought the same first catalog and the lazy pages' strings, in Chinese only.
    expect(catalogs.size).toBe(2);
  });
});

test('the language switch in the header changes every string at once, and is remembered', async ({ page }) => {
  await signInAt(page, '/');
  await waitForRows(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '设备' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  expect(await lang(page)).toBe('zh-CN');
  // Rows fetched in English stay on screen: switching refetches nothing the cache holds.
  await expect(page.getByRole('table', { name: '设备' }).getByRole('row').nth(1)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
  expect(await lang(page)).toBe('en');
});
