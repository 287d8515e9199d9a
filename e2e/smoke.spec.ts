import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER } from './support/config';

test('an operator signs in and reaches the device list', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('User name').fill(ADMIN_USER);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
});
