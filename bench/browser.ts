import { chromium, type Browser, type Page } from '@playwright/test';

// Debian's Chromium (TOOLCHAIN.md): Playwright cannot download its own here.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser(): Promise<Browser> {
  // The bench's own handlers close it: Playwright's would exit on Ctrl-C before the bench has stopped its database.
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, handleSIGINT: false, handleSIGTERM: false });
}

/** A fresh tab opened at `path` and signed in through the form, as an operator does; the console returns to `path`. */
export async function openSignedIn(browser: Browser, baseUrl: string, path: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(path);
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
  return page;
}

/** Waits until the device table shows rows. */
export async function waitForRows(page: Page): Promise<void> {
  await page.getByRole('table', { name: 'Devices' }).getByRole('row').nth(1).waitFor();
}
