import { useEffect } from 'react';

/** DESIGN/issue 5: a revealed secret is masked again after a minute nobody touches the console. */
export const AUTO_HIDE_MS = 60_000;

export type HideReason = 'idle' | 'away';

// Reading is not interacting; a key press or a click anywhere (the dialog is modal) is.
const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * While `revealed`, calls `hide('idle')` after `ms` without activity, and `hide('away')` as soon as
 * the tab is hidden (a screen share switching windows should not carry the secret along).
 * `hide` must be stable.
 */
export function useAutoHide(revealed: boolean, hide: (reason: HideReason) => void, ms = AUTO_HIDE_MS): void {
  useEffect(() => {
    if (!revealed) return;
    let timer = setTimeout(() => hide('idle'), ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => hide('idle'), ms);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide('away');
    };
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, restart, true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, restart, true);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [revealed, hide, ms]);
}
