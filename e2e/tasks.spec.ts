import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createTask, finishedTask, readTask, uniqueTaskName } from './support/batch-task-api';
import { findDevices } from './support/device-api';
import { submitSignIn } from './support/sign-in';
import { seriousViolations } from './support/axe';

/**
 * The Tasks pages against the real service. The tasks unfreeze devices that are not frozen and
 * sub-devices, which cannot be frozen: every subtask succeeds or fails without changing a device,
 * so the other specs find the seed as it was.
 */

async function openSignedIn(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await submitSignIn(page);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}


const taskRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('lists a task, opens its report, filters the failures, retries them and downloads the CSV', async ({ page, request }) => {
  test.setTimeout(60_000);
  const direct = (await findDevices(request, { node_type: '0', frozen: 'false' })).slice(0, 3);
  const subs = (await findDevices(request, { node_type: '2', frozen: 'false' })).slice(0, 2);
  expect(direct).toHaveLength(3);
  expect(subs).toHaveLength(2);
  const name = uniqueTaskName('e2e_report');
  const targets = [...direct, ...subs].map((d) => d.iotda_device_id).concat('99999_no_such_device');
  const created = await createTask(request, { task_name: name, task_type: 'unfreezeDevices', targets });
  expect((await finishedTask(request, created.task_id)).status).toBe('PartialSuccess');

  await test.step('the list shows it: type, who, status and progress', async () => {
    await openSignedIn(page, '/tasks', 'Tasks');
    await expect(page.getByRole('link', { name: 'Tasks', exact: true })).toHaveAttribute('aria-current', 'page');
    const row = taskRow(page, name);
    await expect(row).toContainText('Unfreeze');
    await expect(row).toContainText('admin');
    await expect(row).toContainText('Partly succeeded');
    const bar = row.getByRole('progressbar', { name: `Progress of ${name}` });
    await expect(bar).toHaveAttribute('aria-valuenow', '6');
    await expect(bar).toHaveAttribute('aria-valuemax', '6');
    await expect(bar).toHaveAttribute('aria-valuetext', '6 of 6 done, 3 failed');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('its page says what it targeted, and filters the report to the failures', async () => {
    await taskRow(page, name).getByRole('link', { name }).click();
    await expect(page).toHaveURL(`/tasks/${created.task_id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Progress' })).toContainText('6 devices named by ID');
    const report = page.getByRole('table', { name: 'Result per device' });
    await expect(report.getByRole('row')).toHaveCount(7);
    await page.getByRole('radio', { name: 'Failed (3)' }).check();
    await expect(page).toHaveURL(`/tasks/${created.task_id}?result=failed`);
    await expect(report.getByRole('row')).toHaveCount(4);
    await expect(report.getByRole('row').filter({ hasText: 'Succeeded' })).toHaveCount(0);
    await expect(report.getByRole('row').filter({ hasText: subs[0]!.iotda_device_id })).toContainText('IOTDA.000006');
    await expect(report.getByRole('row').filter({ hasText: '99999_no_such_device' })).toContainText('IOTDA.014000');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('the CSV holds every device of the report, whatever the filter', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}-${created.task_id}.csv`);
    const lines = (await readFile((await file.path())!, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('device_id,result,error_code,reason');
    expect(lines).toHaveLength(7);
    for (const d of direct) expect(lines).toContain(`${d.iotda_device_id},Succeeded,,`);
    for (const d of subs) expect(lines.find((line) => line.startsWith(`${d.iotda_device_id},`))).toMatch(/,Failed,IOTDA\.000006,.*sub-device/);
    expect(lines.find((line) => line.startsWith('99999_no_such_device,'))).toBe('99999_no_such_device,Failed,IOTDA.014000,The device does not exist.');
  });

  await test.step('Retry failed runs the three failures again, and they fail again for the same reasons', async () => {
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Retrying 3 devices.' })).toBeVisible();
    await expect.poll(async () => (await finishedTask(request, created.task_id)).task_progress.fail).toBe(3);
    await expect(page.getByText('Partly succeeded')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Result per device' }).getByRole('row')).toHaveCount(4);
  });
});

test('another operator’s console follows a task as it runs, with no reload', async ({ browser, page, request }) => {
  test.setTimeout(60_000);
  const other = await browser.newContext();
  try {
    const watcher = await other.newPage();
    await openSignedIn(watcher, '/tasks', 'Tasks');
    await watcher.evaluate(() => Object.assign(window, { notReloaded: true }));

    // Every device that is not frozen: about 400 subtasks, the sub-devices among them failing.
    const name = uniqueTaskName('e2e_live');
    const created = await createTask(request, { task_name: name, task_type: 'unfreezeDevices', targets_filter: { frozen: 'false' } });
    const total = created.task_progress.total;
    expect(total).toBeGreaterThan(100);

    const bar = taskRow(watcher, name).getByRole('progressbar', { name: `Progress of ${name}` });
    await expect(bar).toHaveAttribute('aria-valuemax', String(total));
    await expect(bar).toHaveAttribute('aria-valuenow', String(total));
    const ended = await readTask(request, created.task_id);
    await expect(taskRow(watcher, name)).toContainText(ended.status === 'Success' ? 'Succeeded' : 'Partly succeeded');
    await expect(bar).toHaveAttribute('aria-valuetext', `${total} of ${total} done${ended.task_progress.fail > 0 ? `, ${ended.task_progress.fail} failed` : ''}`);
    expect(await watcher.evaluate(() => 'notReloaded' in window)).toBe(true);

    // The link the device list shows after starting a task opens the same report.
    await openSignedIn(page, `/tasks/${created.task_id}`, name);
    await expect(page.getByRole('progressbar', { name: 'Task progress' })).toHaveAttribute('aria-valuenow', String(total));
  } finally {
    await other.close();
  }
});

test('a bulk action on every matching device goes on after its tab is closed, and its report waits on the Tasks page', async ({ browser }) => {
  // Unfreezing devices that are not frozen changes none of them: the other specs find the seed as it was.
  const query = new URLSearchParams({ frozen: 'false', limit: '20' });
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(`/?${query}`);
  await submitSignIn(page);
  await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
  const offer = page.getByRole('button', { name: /^Select all [\d,]+ matching devices$/ });
  const matching = Number((await offer.textContent())!.match(/[\d,]+/)![0].replaceAll(',', ''));
  await offer.click();
  await page.getByRole('button', { name: 'Unfreeze…', exact: true }).click();
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/batchtasks'));
  await page.getByRole('dialog').getByRole('button', { name: `Unfreeze ${matching} devices` }).click();
  const { task_id } = (await (await created).json()) as { task_id: string };
  // The operator closes the tab at once: the task is the service's, not the tab's.
  await first.close();

  const second = await browser.newContext();
  try {
    const later = await second.newPage();
    await openSignedIn(later, `/tasks/${task_id}`, /^unfreezeDevices_\d{14}$/);
    await expect(later.getByRole('progressbar', { name: 'Task progress' })).toHaveAttribute('aria-valuenow', String(matching));
    await expect(later.getByRole('radio', { name: `All (${matching})` })).toBeVisible();
  } finally {
    await second.close();
  }
});
