import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { render as renderInDom, renderHook as renderHookInDom, type RenderHookOptions, type RenderOptions } from '@testing-library/react';
import type { ComponentType, ReactElement, ReactNode } from 'react';

export * from '@testing-library/react';

// Components read their strings from Lingui's context: tests render inside it, as main.tsx does (English, see test-setup.ts).
function inI18n(Wrapper?: ComponentType<{ children: ReactNode }>) {
  return function I18nWrapper({ children }: { children: ReactNode }) {
    return <I18nProvider i18n={i18n}>{Wrapper ? <Wrapper>{children}</Wrapper> : children}</I18nProvider>;
  };
}

export function render(ui: ReactElement, options: RenderOptions = {}) {
  return renderInDom(ui, { ...options, wrapper: inI18n(options.wrapper) });
}

export function renderHook<Result, Props>(hook: (props: Props) => Result, options: RenderHookOptions<Props> = {}) {
  return renderHookInDom(hook, { ...options, wrapper: inI18n(options.wrapper) });
}
