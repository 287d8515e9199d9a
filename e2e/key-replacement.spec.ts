import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { Device } from '../src/contracts/device';
import { ADMIN_PASSWORD, ADMIN_USER } from './support/config';
import { canModify, findDevices, openDevicePage, readDevice } from './support/device-api';
import { PRODUCTS } from './support/device-list';
import { browserStorage, databaseBytes, databaseTexts, dataFolderFiles, serviceLog } from './support/secret-traces';
import { seriousViolations } from './support/axe';

// Edge gateways: the accessibility spec forces the first page of them offline, so this spec
// takes its devices from the end of the product's list.
const PRODUCT = String(PRODUCTS.edgeGateway);


async function registeredFingerprint(request: APIRequestContext): Promise<string> {
  const signIn = await request.post('/v3/auth/tokens', { data: { username: ADMIN_USER, password: ADMIN_PASSWORD } });
  const res = await request.get('/console/v1/orgs/default/public-key', { headers: { 'x-auth-token': signIn.headers()['x-subject-token'] ?? '' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { fingerprint: string }).fingerprint;
}

/** Presses Tab until `target` has focus, as a keyboard user would, within a few presses. */
async function tabTo(page: Page, target: Locator, presses = 6): Promise<void> {
  for (let i = 0; i < presses && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test.describe.configure({ mode: 'serial' });

test.describe('key replacement', () => {
  let device: Device;
  let neighbour: Device;

  test.beforeAll(async ({ request }) => {
    const candidates = await findDevices(request, { product_id: PRODUCT }, canModify);
    [device, neighbour] = candidates.slice(-2) as [Device, Device];
    expect(neighbour?.product_key).toBe(device.product_key);
  });

  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('an operator sets up the org key, meets each refusal, and saves a new secret shown only once', async ({ page, request }) => {
    test.setTimeout(90_000);
    const isReplace = (url: string) => url.includes('action=replaceDevice');
    let replaceRequests = 0;
    page.on('request', (req) => void (isReplace(req.url()) && replaceRequests++));
    /** Does `act` and returns the service's answer to the replace it sends. */
    const replaceAnswer = async (act: () => Promise<void>): Promise<{ code: number; data: Record<string, unknown> | null }> => {
      const [res] = await Promise.all([page.waitForResponse((r) => isReplace(r.url())), act()]);
      return res.json();
    };
    // Test-only: remember the Blob URLs the page makes, to prove the download's was revoked.
    await page.addInitScript(() => {
      const create = URL.createObjectURL.bind(URL);
      const made: string[] = [];
      Object.assign(window, { e2eBlobUrls: made });
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = create(blob);
        made.push(url);
        return url;
      };
    });
    await openDevicePage(page, device);
    const form = page.getByRole('dialog', { name: 'Replace device key' });
    const newKey = form.getByRole('textbox', { name: 'New device key' });
    const submit = form.getByRole('button', { name: 'Replace key' });

    await test.step('first-time key setup', async () => {
      await page.getByRole('button', { name: 'Replace key…' }).click();
      await expect(form.getByRole('heading', { name: 'Set up your organisation’s key' })).toBeVisible();
      await expect(submit).toBeDisabled();
      expect(await seriousViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Create organisation key' }).click();
      const ready = form.getByRole('status').filter({ hasText: 'which this browser holds' });
      await expect(ready).toBeVisible();
      const fingerprint = await registeredFingerprint(request);
      await expect(ready).toContainText(fingerprint.match(/.{4}/g)?.join(' ') ?? 'no fingerprint');
      await expect(submit).toBeEnabled();
    });

    await test.step('refusals: a bad key as typed, the current key (11704), a neighbour’s key (11702)', async () => {
      await newKey.fill('ab');
      await expect(newKey).toHaveAccessibleDescription(/at least 4 characters/);
      await newKey.fill('bad key!');
      await expect(newKey).toHaveAccessibleDescription(/only letters, digits, hyphens/);
      await submit.click();
      await expect(newKey).toHaveAttribute('aria-invalid', 'true');
      expect(replaceRequests).toBe(0);

      await newKey.fill(device.device_key);
      expect((await replaceAnswer(() => submit.click())).code).toBe(11704);
      await expect(newKey).toHaveAccessibleDescription(/This is the device’s current key/);
      await expect(newKey).toBeFocused();

      await newKey.fill(neighbour.device_key);
      expect((await replaceAnswer(() => submit.click())).code).toBe(11702);
      await expect(newKey).toHaveAccessibleDescription(new RegExp(`Another device of product ${device.product_key} already uses this key`));
      expect(await seriousViolations(page)).toEqual([]);
    });

    const replacedKey = `${device.device_key}-r1`;
    const reveal = page.getByRole('dialog', { name: 'Save the new device secret' });
    const secretField = reveal.getByRole('group', { name: 'Device secret' });
    const toggle = reveal.getByRole('button', { name: 'Show device secret' });
    let secret = '';

    await test.step('replace with a secret and reveal it, by keyboard alone', async () => {
      await newKey.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(replacedKey);
      const answer = await replaceAnswer(() => page.keyboard.press('Enter'));
      expect(answer.data).toMatchObject({ deviceKey: replacedKey, deviceSecret: expect.any(String), sessionKey: expect.any(String) });
      await expect(reveal).toBeVisible();
      await expect(reveal.getByText('Shown only this once.')).toBeVisible();
      await expect(secretField.locator('code')).toHaveText(/^•{32}Hidden$/);
      expect(await seriousViolations(page)).toEqual([]);

      await tabTo(page, toggle);
      await page.keyboard.press('Space');
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      secret = await secretField.locator('code').innerText();
      expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
      // Sealed on the wire: the answer that carried it never holds the plaintext.
      expect(JSON.stringify(answer)).not.toContain(secret);
      expect(await seriousViolations(page)).toEqual([]);
    });

    await test.step('copy and download', async () => {
      await tabTo(page, reveal.getByRole('button', { name: 'Copy device secret' }));
      await page.keyboard.press('Enter');
      await expect(secretField.getByRole('status')).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

      await tabTo(page, reveal.getByRole('button', { name: 'Download credentials' }));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe(`${replacedKey}.credentials.txt`);
      const file = await readFile(await download.path(), 'utf8');
      expect(file).toContain(`productKey=${device.product_key}\ndeviceKey=${replacedKey}\ndeviceSecret=${secret}\n`);
      const blobUrls = await page.evaluate(() => (window as unknown as { e2eBlobUrls: string[] }).e2eBlobUrls);
      expect(blobUrls).toHaveLength(1);
      const stillReadable = await page.evaluate((url) => fetch(url).then(() => true, () => false), blobUrls[0] ?? '');
      expect(stillReadable).toBe(false);
    });

    await test.step('close, confirming the secret was saved; the page shows the new key and inactive status', async () => {
      await page.keyboard.press('Escape');
      const confirm = page.getByRole('dialog', { name: 'Did you save the secret?' });
      await expect(confirm.getByRole('button', { name: 'Back to the secret' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(confirm.getByRole('button', { name: 'I saved it, close' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.getByText(replacedKey, { exact: true })).toBeVisible();
      await expect(page.locator('.device-summary')).toContainText('Inactive');
      expect(await readDevice(request, device.id)).toMatchObject({ device_key: replacedKey, online_status: 0, connected: false });
    });

    await test.step('the plaintext secret is nowhere: page, URL, storage, IndexedDB, service log, database, data folder', async () => {
      expect(await page.content()).not.toContain(secret);
      expect(page.url()).not.toContain(secret);
      const storage = await browserStorage(page);
      expect(storage).toContain('"extractable":false');
      expect(storage).not.toContain(secret);
      const log = serviceLog();
      expect(log).toContain('action=replaceDevice');
      expect(log).not.toContain(secret);
      const texts = databaseTexts();
      expect(texts).toContain(replacedKey);
      expect(texts.filter((t) => t.includes(secret))).toEqual([]);
      expect(databaseBytes()).not.toContain(secret);
      const files = dataFolderFiles();
      expect([...files.keys()]).toEqual(expect.arrayContaining(['secret-master.key', 'demo-fleet-credentials.csv']));
      expect([...files].filter(([, text]) => text.includes(secret)).map(([name]) => name)).toEqual([]);
    });
  });

  test('a browser without the org key is told so before it can issue a secret', async ({ page }) => {
    await openDevicePage(page, neighbour);
    await page.getByRole('button', { name: 'Replace key…' }).click();
    const form = page.getByRole('dialog', { name: 'Replace device key' });
    await expect(form.getByRole('heading', { name: 'This browser cannot open your organisation’s secrets' })).toBeVisible();
    await expect(form.getByText('Secrets issued to the old key cannot be revealed here')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Replace organisation key' })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Replace key' })).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('an operator without modify permission is told why the action is unavailable', async ({ page, request }) => {
    const [readOnly] = await findDevices(request, {}, (d) => !canModify(d));
    expect(readOnly).toBeDefined();
    await openDevicePage(page, readOnly as Device);
    const action = page.getByRole('button', { name: 'Replace key…' });
    await expect(action).toHaveAttribute('aria-disabled', 'true');
    await expect(action).toHaveAccessibleDescription(/permissions on this device do not include modify/);
    // Still reachable by keyboard (aria-disabled, not disabled), and pressing it opens nothing.
    await action.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
