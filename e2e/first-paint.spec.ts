import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER } from './support/config';
import { signInAt } from './support/sign-in';

/** Holds the console's script back until the returned function is called, as a slow link does: what shows meanwhile comes from the page alone. */
async function holdConsoleScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/initial-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Errors the page reports, a refused inline script among them. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return errors;
}

const signInHeading = (page: Page, name = 'Sign in') => page.getByRole('heading', { level: 1, name });

test.describe('the sign-in form painted from the page itself', () => {
  test('shows before the console’s script runs, cannot be sent, and hands what was typed to the console', async ({ page }) => {
    const errors = consoleErrors(page);
    const documents: string[] = [];
    page.on('request', (request) => request.resourceType() === 'document' && documents.push(request.url()));
    const release = await holdConsoleScript(page);
    await page.goto('/', { waitUntil: 'commit' });

    await expect(signInHeading(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await page.getByLabel('User name').fill(ADMIN_USER);
    // A form of its own would be sent by Enter, the password in the address; this one is not sent at all.
    await page.getByLabel('User name').press('Enter');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);

    release();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(page.getByLabel('User name')).toHaveValue(ADMIN_USER);
    await expect(page.getByLabel('Password')).toHaveValue(ADMIN_PASSWORD);
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    expect(documents).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test.describe('in a Chinese browser set to dark', () => {
    test.use({ locale: 'zh-CN', colorScheme: 'dark' });

    test('is in that language and theme from the first paint', async ({ page }) => {
      const release = await holdConsoleScript(page);
      await page.goto('/', { waitUntil: 'commit' });
      await expect(signInHeading(page, '登录')).toBeVisible();
      await expect(page.getByLabel('用户名')).toBeVisible();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme])).toEqual(['zh-CN', 'dark']);
      release();
      await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
      await expect(signInHeading(page, '登录')).toHaveCount(1);
    });
  });

  test('is not shown to a signed-in tab, nor where signing in returns elsewhere', async ({ page }) => {
    await signInAt(page);
    let release = await holdConsoleScript(page);
    await page.reload({ waitUntil: 'commit' });
    await expect(page.locator('#first-paint')).toBeAttached();
    await expect(signInHeading(page)).toBeHidden();
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page.locator('#first-paint')).not.toBeAttached();

    await page.evaluate(() => sessionStorage.clear());
    await page.unrouteAll();
    release = await holdConsoleScript(page);
    await page.goto('/tasks', { waitUntil: 'commit' });
    await expect(page.locator('#first-paint')).toBeAttached();
    await expect(signInHeading(page)).toBeHidden();
    release();
    await expect(page.getByText('Sign in to continue where you were.')).toBeVisible();
  });
});
