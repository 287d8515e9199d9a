import type { MouseEvent } from 'react';
import { navigate } from 'wouter/use-browser-location';

/**
 * The table's one click handler for its rows' device links: a plain left click opens the device
 * in the console, as a router link does; a click with a modifier or another button is left to
 * the browser (a new tab or window).
 */
export function followDeviceLink(event: MouseEvent<HTMLElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.device-link') : null;
  if (!link) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
}
