/** The longest wait for a frame: a page hidden while it waits paints none, and its work must still run. */
export const NO_FRAME_MS = 100;

/**
 * Resolves once the browser has painted the next frame: work that can wait (sending a request)
 * then stays out of the frame that shows the operator's click take effect. A hidden page paints no
 * frames, so there it resolves at once (or after NO_FRAME_MS, if the page is hidden while it waits).
 */
export function afterNextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const noFrame = setTimeout(resolve, NO_FRAME_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(noFrame);
        resolve();
      }, 0),
    );
  });
}
