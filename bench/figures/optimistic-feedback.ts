import { setTimeout as sleep } from 'node:timers/promises';
import type { Figure } from '../figure';
import { openSignedIn, waitForRows } from '../browser';
import { armClickToText } from '../in-page';
import { round } from '../stats';

const SERVICE_DELAY_MS = 2_000;
/** More rounds than the other figures: each is cheap, and one frame is a small budget. */
const ROUNDS_FULL = 7;

/**
 * Figure 5: with force-offline answers held back 2 s, the time from the confirm click to the
 * device's row showing "Offline", measured in the page (see armClickToText).
 */
export const optimisticFeedback: Figure = {
  spec: { id: 'optimistic-feedback', title: 'optimistic feedback (service slowed 2 s)', unit: 'ms', goal: { op: '<=', value: 16.7 } },
  async run({ options, service, password, browser }) {
    const page = await openSignedIn(await browser(), service.baseUrl, '/?online_status=1&limit=20', password);
    try {
      await page.route('**/devices/force-offline', async (route) => {
        await sleep(SERVICE_DELAY_MS);
        await route.continue();
      });
      const table = page.getByRole('table', { name: 'Devices' });
      const samples: number[] = [];
      for (let r = 0; r < (options.quick ? 1 : ROUNDS_FULL); r++) {
        await waitForRows(page);
        // An online device's own checkbox: "Select <device name>".
        const checkbox = table.getByRole('checkbox', { name: /^Select (?!all devices on this page$)/ }).first();
        const name = (await checkbox.getAttribute('aria-label'))!.slice('Select '.length);
        await checkbox.check();
        await page.getByRole('button', { name: 'Force offline…' }).click();
        const confirm = page.getByRole('dialog').getByRole('button', { name: 'Force 1 device offline' });
        await confirm.waitFor();
        const row = `table tr:has(input[aria-label="Select ${name.replace(/["\\]/g, '\\$&')}"])`;
        const read = await armClickToText(page, row, 'Offline');
        await confirm.click();
        samples.push(round(await read(), 1));
        // The answer arrives 2 s later; then the list refetches without this device.
        await page.getByRole('dialog', { name: 'Force offline: result' }).getByRole('button', { name: 'Done' }).click();
        await page.reload();
      }
      return { samples, detail: { service_delay_ms: SERVICE_DELAY_MS } };
    } finally {
      await page.context().close();
    }
  },
};
