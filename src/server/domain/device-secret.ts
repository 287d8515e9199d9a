import { randomBytes } from 'node:crypto';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const DEVICE_SECRET_LENGTH = 32;
/** Bytes at or past this (248, four times the alphabet) are drawn again, so every character is equally likely. */
const UNBIASED_BELOW = 256 - (256 % SECRET_ALPHABET.length);

/**
 * A new device secret: 32 characters of A-Za-z0-9 drawn without modulo bias. One read of random
 * bytes a secret, not one a character: seeding 1,000,000 devices spent ~12 s in 32 randomInt calls each.
 */
export function generateDeviceSecret(randomBytesOf: (size: number) => Buffer = randomBytes): string {
  let secret = '';
  while (secret.length < DEVICE_SECRET_LENGTH) {
    // 40 bytes: enough for 32 characters unless more than 8 are drawn again (1 in ~10^8).
    for (const byte of randomBytesOf(DEVICE_SECRET_LENGTH + 8)) {
      if (byte < UNBIASED_BELOW && secret.length < DEVICE_SECRET_LENGTH) secret += SECRET_ALPHABET[byte % SECRET_ALPHABET.length];
    }
  }
  return secret;
}
