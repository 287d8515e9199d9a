import { fileURLToPath } from 'node:url';
import { lingui, linguiTransformerBabelPreset } from '@lingui/vite-plugin';
import babel from '@rolldown/plugin-babel';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { firstPaint } from './scripts/first-paint-plugin.ts';
import { lazyCatalogCheck } from './scripts/lazy-catalog-check.ts';

// Lingui's plugin suggests its native macro transform on every build; the plugins below say why not.
process.env.LINGUI_SUPPRESS_BABEL_WARNING = '1';

const root = fileURLToPath(new URL('.', import.meta.url));
const servicePort = process.env.PORT ?? '8080';
const service = `http://127.0.0.1:${servicePort}`;

export default defineConfig(({ command }) => {
  // A build is always the production console. Run under Vitest (NODE_ENV=test, as the bench's
  // smoke test does) it bundled React's development build instead: 60 kB more and several times
  // slower, and `npm start` and the bench went on serving it.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    // Lingui turns the message macros into catalog lookups and compiles the .po catalogs as they
    // are imported (catalogs.test.ts keeps them complete). Its macros go through Babel: its native
    // transform needs a newer Node than `npm ci` may run under, which then leaves its binary out.
    // lazyCatalogCheck keeps the lazy catalog's modules out of the first load. firstPaint puts the
    // sign-in form, rendered in each language, into index.html (src/web/app/first-paint/). Each file is also
    // written as .br and .gz at the strongest levels, once here rather than on every request: the
    // service sends the variant the browser accepts (src/server/serve-console.ts).
    plugins: [react(), lingui({ failOnCompileError: true }), babel({ presets: [linguiTransformerBabelPreset()] }), lazyCatalogCheck(root), firstPaint(root), compression({ algorithms: ['brotliCompress', 'gzip'] })],
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    build: {
      outDir: 'dist/web',
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Everything the entry imports statically, as one chunk: left to itself the bundler
            // cut what lazy pages share with it into a score of small chunks, each compressed
            // and fetched (with ~1 KiB of headers) on its own. The list's first load went from
            // 152.0 kB over 34 scripts to 143.9 kB over 12; sign-in's from 26 requests to 10.
            groups: [{ name: 'initial', tags: ['$initial'] }],
          },
        },
      },
    },
    server: {
      port: 5173,
      // The console only speaks the vendor APIs, so the dev server forwards every API family.
      proxy: {
        '/v2': service,
        '/v3': service,
        '/v5': service,
        '/connect-service': service,
        '/console': service,
      },
    },
  };
});
