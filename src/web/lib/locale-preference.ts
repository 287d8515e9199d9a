export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'device-console.locale';

const isLocale = (value: string | null): value is Locale => LOCALES.includes(value as Locale);

/**
 * The operator's choice in this browser, else the browser's first language we have (any Chinese
 * reads Simplified), else English. Read by the console and, before it, by the page's first-paint script.
 */
export function preferredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be refused (private modes): the browser's language decides.
  }
  for (const tag of navigator.languages) {
    const language = tag.toLowerCase();
    if (language.startsWith('zh')) return 'zh-CN';
    if (language.startsWith('en')) return 'en';
  }
  return 'en';
}
