import { constants } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * How API answers travel (README, "The API"): brotli or gzip, as the client asks. Text/event-stream
 * is not among the types it compresses: a compressor holds bytes back until it has enough, and a
 * change stream's events must leave as they happen.
 */
export const ANSWER_COMPRESSION: FastifyCompressOptions = {
  // The two codings the console's files are precompressed in, which every browser accepts.
  encodings: ['br', 'gzip'],
  // Quality 5, not the plugin's 4: a 999-row page (1.1 MB) comes out 10% smaller (78 KiB) for
  // about 2 ms more, spent off the event loop; 6 and up cost twice as much and more for 1-4%.
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  // Below a kilobyte, headers and framing eat most of what compression would save.
  threshold: 1024,
  // Clients send plain JSON: decompressing request bodies would be one more way in, used by none.
  globalDecompression: false,
};

/**
 * For exports streamed whole (tens of MB): the fastest levels. At quality 5 compressing 100,000
 * devices' CSV took 7.2 s of a 2.4 s export; the fastest still make it about five times smaller.
 */
export const EXPORT_COMPRESSION = {
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
  zlibOptions: { level: constants.Z_BEST_SPEED },
};
