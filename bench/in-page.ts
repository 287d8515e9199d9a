import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __benchStopwatch?: Promise<number>;
  }
}

/**
 * Arms a stopwatch inside the page: it starts at the next click (the event's own timestamp) and
 * stops in the first animation frame after a DOM change leaves `selector`'s text containing
 * `text`, i.e. when that change is about to be painted. Returns a function that reads it in ms.
 */
export async function armClickToText(page: Page, selector: string, text: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ([css, wanted]) => {
      window.__benchStopwatch = new Promise<number>((resolve) => {
        let clickedAt: number | undefined;
        document.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (clickedAt === undefined || !document.querySelector(css)?.textContent?.includes(wanted)) return;
          observer.disconnect();
          const start = clickedAt;
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      });
    },
    [selector, text] as const,
  );
  return () => page.evaluate(() => window.__benchStopwatch!);
}
