import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';

type PendingLeave = { kind: 'link'; to: string } | { kind: 'history' };

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
 * prompt), following an in-app link, and the back and forward buttons. `pending` says a leave
 * waits for the operator; `leave` carries it out, `stay` drops it.
 */
export function useUnsavedChangesGuard(active: boolean) {
  const [pending, setPending] = useState<PendingLeave | null>(null);
  const [, navigate] = useLocation();
  const letThrough = useRef(false);

  useEffect(() => {
    if (!active) return undefined;
    const here = `${pathOf(window.location)}${window.location.hash}`;
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
    // History cannot be stopped, only undone: put this page back before the router renders the
    // other one (a capturing listener on window runs before the router's), and ask.
    const onPopState = (event: PopStateEvent) => {
      if (letThrough.current) {
        letThrough.current = false;
        return;
      }
      event.stopImmediatePropagation();
      window.history.pushState(window.history.state, '', here);
      setPending({ kind: 'history' });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState, true);
    };
  }, [active]);

  const leave = () => {
    setPending(null);
    if (pending?.kind === 'link') navigate(pending.to);
    else if (pending?.kind === 'history') {
      // The entry pushed back sits right after the one the operator was going to.
      letThrough.current = true;
      window.history.back();
    }
  };
  return { pending: pending !== null, leave, stay: () => setPending(null) };
}
