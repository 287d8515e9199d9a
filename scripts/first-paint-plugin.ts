import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, createServer, type Plugin, type Rolldown } from 'vite';
import { INLINE_SCRIPTS_FILE, type InlineScripts } from '../src/server/inline-scripts.ts';

/** The head's script (first-paint-boot.ts), bundled on its own into about a kilobyte of plain script. */
async function bootScript(root: string): Promise<string> {
  const built = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: { '@': path.join(root, 'src') } },
    build: { write: false, minify: true, lib: { entry: path.join(root, 'src/web/app/first-paint/first-paint-boot.ts'), formats: ['iife'], name: 'firstPaint' } },
  });
  const outputs = (Array.isArray(built) ? built : [built]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (!chunk) throw new Error('first paint: the head script was not built');
  return chunk.code.trim();
}

/** The sign-in page in each language, rendered by React as the console renders it (render-sign-in.tsx). */
async function signInCopies(root: string): Promise<string> {
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    appType: 'custom',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const rendered = (await server.ssrLoadModule('/src/web/app/first-paint/render-sign-in.tsx')) as { renderFirstPaint: () => Promise<string> };
    return await rendered.renderFirstPaint();
  } finally {
    await server.close();
  }
}

/**
 * Puts the sign-in form into the built index.html, so a signed-out tab paints it as soon as the
 * HTML and the styles arrive rather than once the console's script has come and run (issue 24:
 * 10 Mbit/s, 50 ms away). A script inline in the head picks the copy in the tab's language and
 * theme, or none (src/web/app/first-paint/); its hash goes beside the page for the service's policy.
 */
export function firstPaint(root: string): Plugin {
  let script = '';
  let copies = '';
  return {
    name: 'device-console:first-paint',
    apply: 'build',
    async buildStart() {
      [script, copies] = await Promise.all([bootScript(root), signInCopies(root)]);
      const hashes: InlineScripts = { sha256: [createHash('sha256').update(script).digest('base64')] };
      this.emitFile({ type: 'asset', fileName: INLINE_SCRIPTS_FILE, source: JSON.stringify(hashes) });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'script', children: script, injectTo: 'head-prepend' },
        // The id is FIRST_PAINT_ID (src/web/lib/first-paint.ts), which the console looks for.
        { tag: 'div', attrs: { id: 'first-paint' }, children: copies, injectTo: 'body-prepend' },
      ],
    },
  };
}
