import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const servicePort = process.env.PORT ?? '8080';
const service = `http://127.0.0.1:${servicePort}`;

export default defineConfig(({ command }) => {
  // A build is always the production console. Run under Vitest (NODE_ENV=test, as the bench's
  // smoke test does) it bundled React's development build instead: 60 kB more and several times
  // slower, and `npm start` and the bench went on serving it.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    // Each file also as .br and .gz at the strongest levels, once here rather than on every
    // request: the service sends the variant the browser accepts (src/server/serve-console.ts).
    plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: false },
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
