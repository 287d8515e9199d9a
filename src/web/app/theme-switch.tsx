import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { setTheme, THEME_CHOICES, useThemeChoice } from '@/web/lib/theme';
import type { ThemeChoice } from '@/web/lib/theme-preference';

const LABELS = { system: msg`System`, light: msg`Light`, dark: msg`Dark` } as const;

/** System, light or dark, remembered in this browser. */
export function ThemeSwitch() {
  const id = useId();
  const { t, i18n } = useLingui();
  const choice = useThemeChoice();
  return (
    <span className="header-select">
      <label htmlFor={id} className="visually-hidden">
        {t`Theme`}
      </label>
      <select id={id} value={choice} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {i18n._(LABELS[value])}
          </option>
        ))}
      </select>
    </span>
  );
}
