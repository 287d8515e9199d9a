/**
 * Resolves once the browser has painted the next frame: work that can wait (sending a request)
 * then stays out of the frame that shows the operator's click take effect.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
