import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { pickDevice, LINE_PLC } from './support/device-api';
import { deviceRows, waitForRows } from './support/device-list';
import { submitSignIn } from './support/sign-in';
import { createUser } from './support/users-api';

test.describe('operators: roles, and the audit log of what they did', () => {
  test('a viewer sees every change disabled, with the reason', async ({ page, request }) => {
    const viewer = await createUser(request, 'viewer');
    const device = await pickDevice(request, { product_id: LINE_PLC, node_type: '0' }, () => true);
    await page.goto(`/devices/${device.id}`);
    await submitSignIn(page, viewer);
    await expect(page.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
    await expect(page.getByText(`${viewer.username}`, { exact: false }).first()).toBeVisible();
    for (const [name, doing] of [
      ['Edit', 'edit devices'],
      ['Change status…', 'correct device statuses'],
      ['Force offline…', 'force devices offline'],
      [device.frozen ? 'Unfreeze…' : 'Freeze…', 'freeze devices'],
      ['Replace key…', 'replace device keys'],
    ] as const) {
      const button = page.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(new RegExp(`Your role \\(viewer\\) cannot ${doing}`));
    }
    await expect(page.getByRole('region', { name: 'Change history' })).toContainText('Your role (viewer) cannot read the audit log.');
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/?node_id=${device.node_id}&limit=20`);
    await waitForRows(page);
    await deviceRows(page).first().getByRole('checkbox').check();
    await expect(page.getByRole('button', { name: 'Force offline…' })).toHaveAccessibleDescription(/Your role \(viewer\) cannot force devices offline/);
  });

  test('an operator forces a device offline from its page; an admin finds it in the audit log and exports it', async ({ browser, request }) => {
    const operator = await createUser(request, 'operator');
    const device = await pickDevice(request, { product_id: LINE_PLC, online_status: '1', frozen: 'false' }, (d) => d.permissions.includes('modify'));

    const operatorPage = await (await browser.newContext()).newPage();
    await operatorPage.goto(`/devices/${device.id}`);
    await submitSignIn(operatorPage, operator);
    await expect(operatorPage.getByRole('heading', { level: 1, name: device.device_name })).toBeVisible();
    await expect(operatorPage.locator('.user-role')).toHaveText('Operator');
    const actions = operatorPage.getByRole('group', { name: 'Device actions' });
    await expect(actions.getByRole('button', { name: 'Replace key…' })).toHaveAccessibleDescription(/Your role \(operator\) cannot replace device keys\. Ask an admin\./);
    await actions.getByRole('button', { name: 'Force offline…' }).click();
    const confirm = operatorPage.getByRole('dialog', { name: `Force ${device.device_name} offline?` });
    await expect(confirm).toBeVisible();
    expect(await seriousViolations(operatorPage)).toEqual([]);
    await confirm.getByRole('button', { name: 'Force offline', exact: true }).click();
    await expect(operatorPage.getByRole('status').filter({ hasText: `${device.device_name} is offline.` })).toBeVisible();
    await expect(operatorPage.getByRole('dialog')).toHaveCount(0);

    const adminPage = await (await browser.newContext()).newPage();
    await adminPage.goto('/audit');
    await submitSignIn(adminPage);
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await adminPage.getByLabel('User').fill(operator.username);
    await adminPage.getByLabel('Action').selectOption('device.forceOffline');
    await adminPage.getByRole('button', { name: 'Apply' }).click();
    const row = adminPage.getByRole('table', { name: 'Audit records, newest first' }).getByRole('row').filter({ hasText: operator.username });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Force offline');
    await expect(row).toContainText('online_status 1 → 2');
    await expect(row.getByRole('link', { name: String(device.id) })).toBeVisible();
    expect(await seriousViolations(adminPage)).toEqual([]);

    const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPage.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,at,user,action,result,device_id,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${operator.username},device.forceOffline,success,${device.id},`);
    await expect(adminPage.getByRole('status').filter({ hasText: 'Exported 1 record.' })).toBeVisible();
  });

  test('an admin creates a user and changes their role on the Users page', async ({ page }) => {
    await page.goto('/users');
    await submitSignIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const username = `ops-${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'New user…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('User name').fill(username);
    await dialog.getByLabel('First password').fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toContainText('A password has at least 12 characters.');
    await dialog.getByLabel('First password').fill('a long enough password');
    await dialog.getByLabel('Role').selectOption('operator');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${username} can now sign in as operator.` })).toBeVisible();
    await page.getByRole('combobox', { name: `Role of ${username}` }).selectOption('viewer');
    await expect(page.getByRole('status').filter({ hasText: `${username}: Viewer.` })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
