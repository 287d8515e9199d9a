import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
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
  // Shared web layers never import a feature; a feature never imports another feature.
  {
    files: ['src/web/api/**/*.{ts,tsx}', 'src/web/components/**/*.{ts,tsx}', 'src/web/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/web/features/*', '@/web/app/*', '@/server/*'], message: 'shared layers never import features or the app' }] }],
    },
  },
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
