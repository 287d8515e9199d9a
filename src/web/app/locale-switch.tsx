import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { chooseLocale } from '@/web/lib/i18n';
import { LOCALES, type Locale } from '@/web/lib/locale-preference';

// Each language is named in itself, so an operator who cannot read the current one still finds theirs.
// eslint-disable-next-line lingui/no-unlocalized-strings -- the one place a language's name is not translated
const NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** English or Simplified Chinese, remembered in this browser. */
export function LocaleSwitch() {
  const id = useId();
  const { t, i18n } = useLingui();
  return (
    <span className="header-select">
      <label htmlFor={id} className="visually-hidden">
        {t`Language`}
      </label>
      <select id={id} value={i18n.locale} onChange={(event) => void chooseLocale(event.target.value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </span>
  );
}
