import { randomBytes } from 'node:crypto';

/** Bytes drawn from the system's generator at a time. */
const POOL_BYTES = 64 * 1024;

/**
 * Random bytes drawn 64 KiB at a time and handed out in pieces: each draw of a few bytes costs
 * microseconds whatever its size, and the seed makes a secret for each of a million devices. The
 * pieces are the same cryptographically secure bytes, each handed out once.
 */
export function pooledRandomBytes(): (size: number) => Buffer {
  let pool = Buffer.alloc(0);
  let used = 0;
  return (size) => {
    if (size > POOL_BYTES) return randomBytes(size);
    if (used + size > pool.length) {
      pool = randomBytes(POOL_BYTES);
      used = 0;
    }
    const piece = pool.subarray(used, used + size);
    used += size;
    return piece;
  };
}
