import { stat } from 'node:fs/promises';
import type { Figure } from '../figure';
import { openSignedIn, waitForRows } from '../browser';
import { rssMib } from '../live-round';
import { round } from '../stats';

const SAMPLE_EVERY_MS = 25;

/**
 * Issue 22, as the operator sees it: on the list, "Export CSV" clicked, until the browser has the
 * whole file saved (Playwright's download is complete). The service's memory is sampled meanwhile.
 */
export const deviceExportClick: Figure = {
  spec: { id: 'csv-export-click', title: 'CSV export of the whole fleet in the console: click to file saved', unit: 'ms', goal: { op: '<=', value: 5_000 } },
  async run({ options, service, password, browser }) {
    const samples: number[] = [];
    let growth = 0;
    let mib = 0;
    for (let r = 0; r < options.rounds; r++) {
      const page = await openSignedIn(await browser(), service.baseUrl, '/', password);
      try {
        await waitForRows(page);
        const before = await rssMib(service.pid);
        let peak = before;
        const sampler = setInterval(() => void rssMib(service.pid).then((now) => (peak = Math.max(peak, now))), SAMPLE_EVERY_MS);
        try {
          const started = performance.now();
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
          const file = await download.path();
          samples.push(round(performance.now() - started, 0));
          mib = round((await stat(file)).size / 1024 / 1024, 1);
        } finally {
          clearInterval(sampler);
        }
        growth = Math.max(growth, round(peak - before, 1));
      } finally {
        await page.context().close();
      }
    }
    return { samples, detail: { mib, service_growth_mib: growth } };
  },
};
