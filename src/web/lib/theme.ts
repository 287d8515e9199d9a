import { useSyncExternalStore } from 'react';
import { applyTheme, darkQuery, storedTheme, THEME_STORAGE_KEY, type ThemeChoice } from '@/web/lib/theme-preference';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const listeners = new Set<() => void>();

/**
 * Called once as the console's script starts (main.tsx), before React renders, so no page is first
 * painted in the other theme; and follows the system's change while the choice is "system".
 */
export function startTheme(): void {
  applyTheme(storedTheme());
  darkQuery().addEventListener('change', () => applyTheme(storedTheme()));
}

/** The operator's choice, remembered in this browser. */
export function setTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage may be refused (private modes): the choice then holds for this page only.
  }
  applyTheme(choice);
  listeners.forEach((notify) => notify());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useThemeChoice = (): ThemeChoice => useSyncExternalStore(subscribe, storedTheme);
