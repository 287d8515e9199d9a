import { gzipSync } from 'node:zlib';
import type { Figure } from '../figure';
import { openSignedIn, waitForRows } from '../browser';
import { round } from '../stats';

const SCRIPTS_QUIET_MS = 500;

/**
 * Figure 1: every script Chromium fetches to show the list at `/`, signed in, on a load with an
 * empty cache: the entry, its preloads and the lazy chunks the list route pulls in. Gzip at
 * zlib's default level, as Vite's build report measures it.
 */
export const firstLoadJs: Figure = {
  spec: { id: 'first-load-js', title: 'first-load JavaScript, gzip', unit: 'kB', goal: { op: '<=', value: 150 } },
  async run({ options, service, password, browser }) {
    const samples: number[] = [];
    let files = 0;
    for (let r = 0; r < options.rounds; r++) {
      const page = await openSignedIn(await browser(), service.baseUrl, '/', password);
      try {
        // Signing in loaded the sign-in chunk too; a reload with the cache cleared is the list's own first load.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        const scripts: Array<Promise<number>> = [];
        let loading = 0;
        let lastActivity = performance.now();
        const settled = () => {
          loading--;
          lastActivity = performance.now();
        };
        page.on('request', (request) => {
          if (request.resourceType() !== 'script') return;
          loading++;
          lastActivity = performance.now();
        });
        page.on('requestfailed', (request) => request.resourceType() === 'script' && settled());
        page.on('response', (response) => {
          if (response.request().resourceType() !== 'script') return;
          scripts.push(response.body().then((body) => gzipSync(body).length));
          settled();
        });
        await page.reload();
        await waitForRows(page);
        // Not 'networkidle': the console keeps its event stream open. No script for half a second is that test for scripts.
        while (loading > 0 || performance.now() - lastActivity < SCRIPTS_QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 100));
        const sizes = await Promise.all(scripts);
        files = sizes.length;
        samples.push(round(sizes.reduce((sum, n) => sum + n, 0) / 1000, 1));
      } finally {
        await page.context().close();
      }
    }
    return { samples, detail: { scripts: files } };
  },
};
