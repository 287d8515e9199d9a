import { useId } from 'react';
import { setTheme, THEME_CHOICES, useThemeChoice, type ThemeChoice } from '@/web/lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System, light or dark, remembered in this browser. */
export function ThemeSwitch() {
  const id = useId();
  const choice = useThemeChoice();
  return (
    <span className="theme-switch">
      <label htmlFor={id} className="visually-hidden">
        Theme
      </label>
      <select id={id} value={choice} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </span>
  );
}
