import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { pickDevice, LINE_PLC } from './support/device-api';
import { PRODUCTS, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, and every page reads well in it', async ({ page, request }) => {
    // Five pages, each scanned whole by axe.
    test.setTimeout(90_000);
    await signInAt(page, `/?product_id=${PRODUCTS.edgeGateway}&limit=20`);
    await waitForRows(page);
    expect(await theme(page)).toBe('dark');
    expect(await seriousViolations(page)).toEqual([]);

    const device = await pickDevice(request, { product_id: LINE_PLC }, () => true);
    await page.goto(`/devices/${device.id}`);
    await expect(page.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Change history' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    for (const [path, heading] of [
      ['/tasks', 'Tasks'],
      ['/users', 'Users'],
      ['/audit', 'Audit log'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test('a choice in the header wins over the system, and is remembered', async ({ page }) => {
    await signInAt(page, '/');
    await page.getByLabel('Theme').selectOption('light');
    expect(await theme(page)).toBe('light');
    await page.reload();
    await expect(page.getByLabel('Theme')).toHaveValue('light');
    expect(await theme(page)).toBe('light');
    await page.getByLabel('Theme').selectOption('system');
    expect(await theme(page)).toBe('dark');
  });
});
