import type { Browser, Page } from '@playwright/test';
import type { BenchContext, Figure } from '../figure';
import { measuredOnce } from '../measured-once';
import { kib, onSlowLink } from '../slow-link';
import { round, spread } from '../stats';

declare global {
  interface Window {
    __benchFormShown?: Promise<number>;
    __benchFormLive?: Promise<number>;
  }
}

/** Nothing more fetched for this long: the load is over (the sign-in page opens no stream). */
const QUIET_MS = 500;

/**
 * Runs in the page before the console: the time since navigation start of the frame that first
 * shows the sign-in form (the page's own copy, src/web/lib/first-paint.ts), and of the frame that
 * shows the console's form in its place, the one that signs in.
 */
function stampSignInForm() {
  // No named helpers in here: the runner's transform would wrap them in a function the page lacks.
  for (const live of [false, true]) {
    const stamp = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (![...document.querySelectorAll('label')].some((label) => label.textContent === 'User name')) return;
        if (live && document.getElementById('first-paint')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    if (live) window.__benchFormLive = stamp;
    else window.__benchFormShown = stamp;
  }
}

interface Round {
  shownMs: number;
  /** Until the console's own form replaced the page's copy. */
  liveMs: number;
  /** The same load without the slow link: what the machine itself takes. */
  unthrottledMs: number;
  wireBytes: number;
  decodedBytes: number;
  requests: number;
}

/** A signed-out operator opens the console in a new tab, with an empty cache. */
async function inNewTab<T>(browser: Browser, baseUrl: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(stampSignInForm);
    return await use(page);
  } finally {
    await context.close();
  }
}

async function formShownMs(page: Page): Promise<{ shownMs: number; liveMs: number }> {
  await page.goto('/');
  await page.getByLabel('User name').waitFor();
  return page.evaluate(async () => ({ shownMs: await window.__benchFormShown!, liveMs: await window.__benchFormLive! }));
}

async function loadOnce(browser: Browser, baseUrl: string): Promise<Round> {
  const unthrottledMs = (await inNewTab(browser, baseUrl, formShownMs)).shownMs;
  return inNewTab(browser, baseUrl, async (page) => {
    const link = await onSlowLink(page);
    const { shownMs, liveMs } = await formShownMs(page);
    await link.settled(QUIET_MS);
    const requests = link.requests();
    return {
      shownMs,
      liveMs,
      unthrottledMs,
      wireBytes: requests.reduce((sum, r) => sum + r.wireBytes, 0),
      decodedBytes: requests.reduce((sum, r) => sum + r.decodedBytes, 0),
      requests: requests.length,
    };
  });
}

// The time and the bytes are two figures of the same loads.
const roundsOf = measuredOnce(async ({ options, service, browser }: BenchContext) => {
  const done: Round[] = [];
  for (let r = 0; r < options.rounds; r++) done.push(await loadOnce(await browser(), service.baseUrl));
  return done;
});

/**
 * Issue 24: from navigation start to the frame that shows the sign-in form, on a new tab over
 * 10 Mbit/s and 50 ms: the page's own copy, which takes what is typed. Beside it, the same load
 * without the link's limits, and the frame where the console's form, the one that signs in,
 * replaced that copy.
 */
export const firstLoadSlowLink: Figure = {
  spec: { id: 'first-load-slow-link', title: 'first load over 10 Mbit/s, 50 ms: sign-in form shown', unit: 'ms', goal: { op: '<=', value: 400 } },
  async run(context) {
    const rounds = await roundsOf(context);
    return {
      samples: rounds.map((r) => round(r.shownMs, 0)),
      detail: {
        unthrottled_ms: round(spread(rounds.map((r) => r.unthrottledMs)).median, 0),
        consoles_form_ms: round(spread(rounds.map((r) => r.liveMs)).median, 0),
        requests: spread(rounds.map((r) => r.requests)).median,
      },
    };
  },
};

/** Issue 24: every byte received for that load (headers and encoded bodies), until nothing is fetched for half a second. */
export const firstLoadWire: Figure = {
  spec: { id: 'first-load-wire', title: 'first load over the same link, bytes on the wire', unit: 'KiB', goal: { op: '<=', value: 130 } },
  async run(context) {
    const rounds = await roundsOf(context);
    return {
      samples: rounds.map((r) => round(kib(r.wireBytes), 1)),
      detail: { decoded_kib: round(kib(spread(rounds.map((r) => r.decodedBytes)).median), 1) },
    };
  },
};
