import { expect, test } from '@playwright/test';
import { PRODUCTS, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';
import { seriousViolations } from './support/axe';


test.describe('accessibility', () => {
  test('sign-in page has no serious or critical violation', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('device list, confirmation and report have no serious or critical violation', async ({ page }) => {
    await signInAt(page, `/?product_id=${PRODUCTS.edgeGateway}&limit=20`);
    await waitForRows(page);
    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Force offline…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);

    await page.getByRole('dialog').getByRole('button', { name: /^Force \d+ devices? offline$/ }).click();
    await expect(page.getByRole('dialog', { name: 'Force offline: result' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });
});
