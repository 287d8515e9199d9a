import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';

type PendingLeave = { kind: 'link'; to: string } | { kind: 'traverse'; key: string };

const pathOf = (url: URL | Location) => `${url.pathname}${url.search}`;

/** An in-app link the guard should hold: same origin, another page, a plain left click. */
function guardedLink(event: MouseEvent): URL | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return undefined;
  const url = new URL(link.href, window.location.href);
  // Another origin unloads the page (beforeunload asks); a hash link, like "skip to content", stays.
  if (url.origin !== window.location.origin || pathOf(url) === pathOf(window.location)) return undefined;
  return url;
}

/**
 * While `active`, leaving the page asks first: closing or reloading the tab (the browser's own
 * prompt), following an in-app link, and the back and forward buttons where the browser has the
 * Navigation API (a popstate comes after the router has already rendered the other page).
 * `pending` says a leave waits for the operator; `leave` carries it out, `stay` drops it.
 */
export function useUnsavedChangesGuard(active: boolean) {
  const [pending, setPending] = useState<PendingLeave | null>(null);
  const [, navigate] = useLocation();
  const letThrough = useRef(false);

  useEffect(() => {
    if (!active) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers before the standard (Chrome < 119) ask only when returnValue is set.
      event.returnValue = true;
    };
    // Capture phase, so the click is held before the router's link handler sees it.
    const onClick = (event: MouseEvent) => {
      const url = guardedLink(event);
      if (!url) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: 'link', to: `${pathOf(url)}${url.hash}` });
    };
    const onNavigate = (event: NavigateEvent) => {
      if (event.navigationType !== 'traverse' || !event.cancelable) return;
      if (letThrough.current) {
        letThrough.current = false;
        return;
      }
      event.preventDefault();
      setPending({ kind: 'traverse', key: event.destination.key });
    };
    const navigationApi = 'navigation' in window ? window.navigation : undefined;
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    navigationApi?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      navigationApi?.removeEventListener('navigate', onNavigate);
    };
  }, [active]);

  const leave = () => {
    setPending(null);
    if (pending?.kind === 'link') navigate(pending.to);
    if (pending?.kind === 'traverse') {
      letThrough.current = true;
      window.navigation.traverseTo(pending.key);
    }
  };
  return { pending: pending !== null, leave, stay: () => setPending(null) };
}
