import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Products of the deterministic demo seed (src/server/db/seed/catalog.ts). Each spec that
 * changes devices works on its own product, so the specs can share one database.
 */
export const PRODUCTS = {
  temperatureSensor: 10001,
  smartMeter: 10002,
  pumpController: 10003,
  linePlc: 10004,
  edgeGateway: 10005,
} as const;

export const table = (page: Page): Locator => page.getByRole('table', { name: 'Devices' });

/** Rows of the device table that show a device (not the virtualizer's spacer rows). */
export const deviceRows = (page: Page): Locator => page.locator('table.device-table tbody tr:not(.spacer)');

export const summary = (page: Page): Locator => page.getByRole('region', { name: 'Fleet summary' });

/** The number a fleet-summary button shows, e.g. "Online 44". */
export async function summaryCount(page: Page, label: string): Promise<number> {
  const text = await summary(page).getByRole('button', { name: new RegExp(`^${label}\\b`) }).locator('.summary-count').innerText();
  return Number(text.replace(/\D/g, ''));
}

/** The total the pagination reports: "1–20 of 44 devices". */
export async function listTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Pagination' }).locator('.pagination-range strong').innerText();
  return Number(text.replace(/\D/g, ''));
}

/** Waits for rows of the current URL: the previous page stays on screen, marked busy, while the next loads. */
export async function waitForRows(page: Page): Promise<void> {
  await expect(table(page)).toBeVisible();
  await expect(table(page)).not.toHaveAttribute('aria-busy', 'true');
  await expect(deviceRows(page).first()).toBeVisible();
}
