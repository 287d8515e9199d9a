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

// The build writes each file also as .br and .gz, and the variant sent follows Accept-Encoding:
// a cache must key on that header too.
const sendFile = (reply: FastifyReply, file: string, cacheControl: string) =>
  reply.header('cache-control', cacheControl).header('vary', 'accept-encoding').sendFile(file);

/**
 * Serves the built console and answers every other GET outside the API with its index.html,
 * so the console's own router handles deep links. Unknown API paths still get the API's 404.
 */
export function serveConsole(webRoot: string, isApiPath: (url: string) => boolean): FastifyPluginAsync {
  const root = path.resolve(webRoot);
  return async (app) => {
    // `serve: false`: only `reply.sendFile`; the one route below decides what each path gets.
    // `preCompressed`: file.br or file.gz in place of file, when it exists and the client accepts it.
    await app.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true });

    // The console is public: a wildcard route rather than the not-found handler, because the
    // token check runs before that handler and would refuse a signed-out operator's deep link.
    // `compress: false`: compressed once at build time, the files are not compressed again per request.
    app.get<{ Params: { '*': string } }>('/*', { config: { public: true }, compress: false }, async (request, reply) => {
      if (isApiPath(request.url)) return reply.callNotFound();
      const wanted = request.params['*'];
      const file = await fileInside(root, wanted);
      // A missing hashed asset is a stale page, not a deep link: HTML in place of a script would only confuse.
      if (!file && wanted.startsWith(HASHED_ASSETS)) return reply.code(404).type('text/plain').send('Not found');
      if (!file || file === 'index.html') return sendFile(reply, 'index.html', REVALIDATE);
      return sendFile(reply, file, file.startsWith(HASHED_ASSETS) ? FOREVER : REVALIDATE);
    });
  };
}
