import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import lingui from 'eslint-plugin-lingui';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every feature folder: src/web/features/<area>/<feature>.
const features = readdirSync('src/web/features', { withFileTypes: true })
  .filter((area) => area.isDirectory())
  .flatMap((area) =>
    readdirSync(`src/web/features/${area.name}`, { withFileTypes: true })
      .filter((f) => f.isDirectory())
      .map((f) => `${area.name}/${f.name}`),
  );

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Three rooms with one-way doors: web -> contracts <- server.
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/server/*', '@/web/*', '../server/*', '../web/*', '!zod'], message: 'contracts import nothing but zod' }] }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/web/*', '**/web/*'], message: 'the service never imports the console' }] }] },
  },
  // zod's classic API cannot be tree-shaken: a value import of it puts all of it in the console's
  // first load. The contracts and the console use zod/mini; a type-only import is free.
  {
    files: ['src/contracts/**/*.ts', 'src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({ name, allowTypeImports: true, message: "use 'zod/mini': zod's classic API is not tree-shakable" })) },
      ],
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/server/*', '@/web/*', '**/server/*', '**/web/*'], message: 'the simulator is a device: it knows only the contracts' }] }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    plugins: { ...jsxA11y.flatConfigs.recommended.plugins, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/server/*', '**/server/*', 'node:*'], message: 'the console never imports the service' }] },
      ],
    },
  },
  // Every word an operator reads goes through the catalogs (src/web/locales): a literal sentence in
  // the console is an error. Identifiers, keys, CSS classes and single lower-case words are code.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/**/*.test.{ts,tsx}', 'src/web/test-support/**', 'src/web/test-setup.ts'],
    plugins: { lingui },
    rules: {
      ...lingui.configs['flat/recommended'].rules,
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: ['^(?![A-Z])\\S+$', '^[A-Z0-9_.-]+$', '^[A-Z][a-z]+[A-Z][A-Za-z]*$'],
          ignoreNames: [
            { regex: { pattern: 'className|Class$|^aria(Controls|Describedby)|Key$|Id$|Path$|Url$|Header$|Type$', flags: 'i' } },
            { regex: { pattern: '^[A-Z0-9_]+$' } },
            'type', 'id', 'href', 'to', 'rel', 'target', 'method', 'name', 'autoComplete', 'inputMode', 'role', 'lang', 'htmlFor', 'form', 'accept', 'pattern', 'mode', 'key', 'fill', 'stroke', 'd', 'viewBox', 'path', 'points', 'transform', 'display', 'variant', 'tone', 'look', 'kind', 'hour', 'minute', 'second', 'day', 'month', 'year', 'dateStyle', 'timeStyle', 'style', 'unit', 'currency', 'notation',
          ],
          ignoreFunctions: [
            'Error', 'RangeError', 'TypeError', 'console.*', '*.addEventListener', '*.removeEventListener', '*.getElementById', '*.querySelector', '*.closest', '*.startsWith', '*.endsWith', '*.includes', '*.split', '*.join', '*.replace', '*.set', '*.get', '*.has', '*.delete', '*.append', '*.setItem', '*.getItem', '*.removeItem', '*.matchMedia', '*.setAttribute', '*.getAttribute', '*.toLocaleString', 'Intl.*', 'new Intl.*', 'URLSearchParams', 'URL', 'Date', 'RegExp', 'Blob', 'Headers', 'fetch', 'request', 'apiRequest', 'queryKey', 'useRoute', 'navigate', 'setLocation', 'Redirect', 'Route', 'lazy', 'import', 'createElement', 'dispatchEvent', 'Event', 'CustomEvent', 'KeyboardEvent',
          ],
        },
      ],
    },
  },
  // A lazy page or dialog loads with its strings (the lazy catalog): React's lazy only where the router says why not.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/lib/lazy-with-messages.ts', 'src/web/app/router.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='react'] > ImportSpecifier[imported.name='lazy']", message: 'use lazyWithMessages (src/web/lib/lazy-with-messages.ts): the chunk and its strings arrive together' },
      ],
    },
  },
  // Shared web layers never import a feature; a feature never imports another feature.
  {
    files: ['src/web/api/**/*.{ts,tsx}', 'src/web/components/**/*.{ts,tsx}', 'src/web/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/web/features/*', '@/web/app/*', '@/server/*'], message: 'shared layers never import features or the app' }] }],
    },
  },
  // The catalogs' test runs Lingui's command line: it is a check of files, not console code.
  { files: ['src/web/locales/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  // A feature never imports another feature: what two features need moves down to api/, lib/ or components/.
  ...features.map((feature) => ({
    files: [`src/web/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/server/*', '**/server/*', 'node:*'], message: 'the console never imports the service' },
            { regex: `^@/web/(app/|features/(?!${feature}/))`, message: 'a feature never imports another feature or the app' },
          ],
        },
      ],
    },
  })),
);
