import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PRODUCTS, waitForRows } from './support/device-list';
import { signInAt } from './support/sign-in';

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

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
