import { i18n, type Messages } from '@lingui/core';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'device-console.locale';

type Catalog = () => Promise<{ messages: Messages }>;

// Each catalog is its own chunk: only the language shown is downloaded, and of it, the strings of
// the pages and dialogs behind lazy boundaries only once one of them opens (lingui.config.ts).
const catalogs: Record<Locale, { first: Catalog; lazy: Catalog }> = {
  en: { first: () => import('@/web/locales/en/messages.po'), lazy: () => import('@/web/locales/en/lazy.po') },
  'zh-CN': { first: () => import('@/web/locales/zh-CN/messages.po'), lazy: () => import('@/web/locales/zh-CN/lazy.po') },
};

/** Per language, the lazy catalog once asked for; once one was, a change of language brings it too. */
const lazyLoads = new Map<Locale, Promise<void>>();

const isLocale = (value: string | null): value is Locale => LOCALES.includes(value as Locale);

/** The operator's choice in this browser, else the browser's first language we have (any Chinese reads Simplified), else English. */
export function preferredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
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

function loadLazy(locale: Locale): Promise<void> {
  let loading = lazyLoads.get(locale);
  if (!loading) {
    loading = catalogs[locale].lazy().then(({ messages }) => i18n.load(locale, messages));
    lazyLoads.set(locale, loading);
  }
  return loading;
}

/** Loads the language's catalogs (the lazy one too if a lazy page or dialog has been opened), then shows the console in it. */
export async function activateLocale(locale: Locale): Promise<void> {
  const [{ messages }] = await Promise.all([catalogs[locale].first(), lazyLoads.size > 0 ? loadLazy(locale) : undefined]);
  i18n.load(locale, messages);
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

/** The strings of the pages and dialogs behind lazy boundaries, in the language shown: awaited by lazyWithMessages. */
export const loadLazyMessages = (): Promise<void> => loadLazy(i18n.locale as Locale);

/** The operator's choice, remembered in this browser. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then holds for this page only.
  }
  await activateLocale(locale);
}
