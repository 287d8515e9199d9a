import { zodResolver as resolverOf } from '@hookform/resolvers/zod';
import { i18n } from '@lingui/core';
import { en, zhCN } from 'zod/locales';
import { config } from 'zod/mini';
import { contractMessages } from '@/web/lib/contract-messages';

/** Every `message` in the form's errors (nested ones too, e.g. a tag's), in the operator's language. */
function translate(errors: unknown, messages: Readonly<Record<string, string>>): void {
  if (typeof errors !== 'object' || errors === null) return;
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref') continue;
    if (key === 'message' && typeof value === 'string') (errors as Record<string, unknown>).message = messages[value] ?? value;
    else translate(value, messages);
  }
}

/**
 * React Hook Form's zod resolver, speaking the operator's language. The contracts are built with
 * zod/mini, which loads no locale, so zod's own messages ("Too big: …") come from the locale set
 * here, as each form validates; the contracts' own messages are translated by contractMessages.
 * This module is loaded with the forms, never in the console's first load.
 */
export const zodResolver = ((...args: Parameters<typeof resolverOf>) => {
  const resolve = resolverOf(...args);
  return async (...call: Parameters<typeof resolve>) => {
    config(i18n.locale === 'zh-CN' ? zhCN() : en());
    const result = await resolve(...call);
    translate(result.errors, contractMessages());
    return result;
  };
}) as typeof resolverOf;
