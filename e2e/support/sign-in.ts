import { expect, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER } from './config';

/** Fills the sign-in form the way an operator does, as the admin unless told whom; the page must be showing it. */
export async function submitSignIn(page: Page, user = { username: ADMIN_USER, password: ADMIN_PASSWORD }): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` signed in: the console sends a fresh tab to sign-in first, then back to `path`. */
export async function signInAt(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await submitSignIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
}
