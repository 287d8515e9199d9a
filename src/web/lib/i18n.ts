import { i18n, type Messages } from '@lingui/core';
import { LOCALE_STORAGE_KEY, type Locale } from '@/web/lib/locale-preference';

type Catalog = () => Promise<{ messages: Messages }>;

// Each catalog is its own chunk: only the language shown is downloaded, and of it, the strings of
// the pages and dialogs behind lazy boundaries only once one of them opens (lingui.config.ts).
const catalogs: Record<Locale, { first: Catalog; lazy: Catalog }> = {
  en: { first: () => import('@/web/locales/en/messages.po'), lazy: () => import('@/web/locales/en/lazy.po') },
  'zh-CN': { first: () => import('@/web/locales/zh-CN/messages.po'), lazy: () => import('@/web/locales/zh-CN/lazy.po') },
};

/** The language's first catalog: the strings of the pages a tab may open on. */
export const firstMessages = (locale: Locale): Promise<{ messages: Messages }> => catalogs[locale].first();

/** Per language, the lazy catalog once asked for; once one was, a change of language brings it too. */
const lazyLoads = new Map<Locale, Promise<void>>();

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
  const [{ messages }] = await Promise.all([firstMessages(locale), lazyLoads.size > 0 ? loadLazy(locale) : undefined]);
  i18n.load(locale, messages);
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

/** The strings of the pages and dialogs behind lazy boundaries, in the language shown: awaited by lazyWithMessages. */
export const loadLazyMessages = (): Promise<void> => loadLazy(i18n.locale as Locale);

/** The operator's choice, remembered in this browser. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // The choice then holds for this page only.
  }
  await activateLocale(locale);
}
