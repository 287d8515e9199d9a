import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * How API answers travel (README, "The API"): brotli (quality 4, the plugin's default) or gzip,
 * as the client asks. Text/event-stream is not among the types it compresses: a compressor holds
 * bytes back until it has enough, and a change stream's events must leave as they happen.
 */
export const ANSWER_COMPRESSION: FastifyCompressOptions = {
  // The two codings the console's files are precompressed in, which every browser accepts.
  encodings: ['br', 'gzip'],
  // Below a kilobyte, headers and framing eat most of what compression would save.
  threshold: 1024,
  // Clients send plain JSON: decompressing request bodies would be one more way in, used by none.
  globalDecompression: false,
};
