import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Device } from '../src/contracts/device';
import { E2E_BASE_URL } from './support/config';
import { canModify, openDevicePage, pickDevice, PUMP_CONTROLLER, readDevice } from './support/device-api';

const contexts: BrowserContext[] = [];

/** Two operators, each in their own browser context (own session), with the same device's form open. */
async function twoOperatorsEditing(browser: Browser, device: Device): Promise<[Page, Page]> {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({ baseURL: E2E_BASE_URL });
    contexts.push(context);
    const page = await context.newPage();
    await openDevicePage(page, device);
    await page.getByRole('button', { name: 'Edit' }).click();
    pages.push(page);
  }
  return [pages[0]!, pages[1]!];
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
}

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test.describe('concurrent edits (If-Match)', () => {
  test('the later save is stopped, shows what changed, and can overwrite', async ({ browser, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 3);
    const [alice, bob] = await twoOperatorsEditing(browser, device);

    await alice.getByRole('textbox', { name: 'Name' }).fill(`${device.device_name}-alice`);
    await save(alice);
    await expect(alice.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

    await bob.getByRole('textbox', { name: 'Description' }).fill("Bob's note");
    await save(bob);
    const conflict = bob.getByRole('alert').filter({ hasText: 'Someone else changed this device' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('row', { name: /^Name/ }).getByRole('cell')).toHaveText([device.device_name, `${device.device_name}-alice`, device.device_name]);
    // Bob did not touch the name, but saving his form would put the old one back: that is the lost update he must see.
    expect((await readDevice(request, device.id)).device_name).toBe(`${device.device_name}-alice`);

    await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
    await expect(bob.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    expect(await readDevice(request, device.id)).toMatchObject({ device_name: device.device_name, description: "Bob's note" });
  });

  test('the later editor can reload the other version instead, and save on top of it', async ({ browser, request }) => {
    const device = await pickDevice(request, { product_id: PUMP_CONTROLLER }, canModify, 4);
    const [alice, bob] = await twoOperatorsEditing(browser, device);

    await alice.getByRole('radio', { name: device.status === 0 ? 'Disabled' : 'Enabled' }).check();
    await save(alice);
    await expect(alice.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

    await bob.getByRole('textbox', { name: 'Name' }).fill(`${device.device_name}-bob`);
    await save(bob);
    const conflict = bob.getByRole('alert').filter({ hasText: 'Someone else changed this device' });
    await expect(conflict.getByRole('row', { name: /^Enabled/ })).toBeVisible();
    await conflict.getByRole('button', { name: 'Reload their version' }).click();
    await expect(conflict).toBeHidden();
    await expect(bob.getByRole('textbox', { name: 'Name' })).toHaveValue(device.device_name);
    await expect(bob.getByRole('radio', { name: device.status === 0 ? 'Disabled' : 'Enabled' })).toBeChecked();

    await bob.getByRole('textbox', { name: 'Name' }).fill(`${device.device_name}-bob`);
    await save(bob);
    await expect(bob.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    expect(await readDevice(request, device.id)).toMatchObject({ device_name: `${device.device_name}-bob`, status: device.status === 0 ? 1 : 0 });
  });
});
