import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

// Vite puts a content hash in every file name under assets/, so those never change; index.html
// names the current ones and must be revalidated on every load.
const HASHED_ASSETS = 'assets/';
const FOREVER = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** A regular file inside `root`, or undefined (also for paths that try to climb out of it). */
async function fileInside(root: string, relative: string): Promise<string | undefined> {
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep)) return undefined;
  const info = await stat(absolute).catch(() => undefined);
  return info?.isFile() ? path.relative(root, absolute) : undefined;
}

const sendIndex = (reply: FastifyReply) => reply.header('cache-control', REVALIDATE).sendFile('index.html');

/**
 * Serves the built console and answers every other GET outside the API with its index.html,
 * so the console's own router handles deep links. Unknown API paths still get the API's 404.
 */
export function serveConsole(webRoot: string, isApiPath: (url: string) => boolean): FastifyPluginAsync {
  const root = path.resolve(webRoot);
  return async (app) => {
    // `serve: false`: only `reply.sendFile`; the one route below decides what each path gets.
    await app.register(fastifyStatic, { root, serve: false, cacheControl: false });

    // The console is public: a wildcard route rather than the not-found handler, because the
    // token check runs before that handler and would refuse a signed-out operator's deep link.
    app.get<{ Params: { '*': string } }>('/*', { config: { public: true } }, async (request, reply) => {
      if (isApiPath(request.url)) return reply.callNotFound();
      const wanted = request.params['*'];
      const file = await fileInside(root, wanted);
      // A missing hashed asset is a stale page, not a deep link: HTML in place of a script would only confuse.
      if (!file && wanted.startsWith(HASHED_ASSETS)) return reply.code(404).type('text/plain').send('Not found');
      if (!file || file === 'index.html') return sendIndex(reply);
      return reply.header('cache-control', file.startsWith(HASHED_ASSETS) ? FOREVER : REVALIDATE).sendFile(file);
    });
  };
}
