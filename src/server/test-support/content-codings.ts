import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Accept-Encoding headers and the coding each must be answered in: brotli first, gzip where brotli is refused, never zstd. */
export const NEGOTIATIONS = [
  ['br', 'br'],
  ['gzip', 'gzip'],
  ['gzip, deflate, br, zstd', 'br'],
  ['br;q=0, gzip', 'gzip'],
] as const;

/** A body sent in `coding`, decoded. */
export const decoded = (coding: 'br' | 'gzip', body: Buffer): string => (coding === 'br' ? brotliDecompressSync(body) : gunzipSync(body)).toString();
