import type { FastifyRequest } from 'fastify';

/** `Cache-Control: no-cache`: the client wants an answer read from the database now, not a kept one. */
export const asksFresh = (request: FastifyRequest): boolean => /\bno-cache\b/i.test(request.headers['cache-control'] ?? '');
