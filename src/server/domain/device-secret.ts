import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const DEVICE_SECRET_LENGTH = 32;

/** A new device secret: 32 characters of A-Za-z0-9 drawn without modulo bias. */
export function generateDeviceSecret(): string {
  let secret = '';
  for (let i = 0; i < DEVICE_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}

/**
 * `sha256$salt$hash`. A fast salted hash is enough here: the secret is 190 random bits, not a
 * human password, so it cannot be guessed, and seeding 100,000 devices stays quick.
 */
export function hashDeviceSecret(secret: string, salt: string = randomBytes(16).toString('base64url')): string {
  const hash = createHash('sha256').update(`${salt}:${secret}`).digest('base64url');
  return `sha256$${salt}$${hash}`;
}

export function verifyDeviceSecret(secret: string, stored: string): boolean {
  const [scheme, salt] = stored.split('$');
  if (scheme !== 'sha256' || !salt) return false;
  const expected = Buffer.from(stored);
  const actual = Buffer.from(hashDeviceSecret(secret, salt));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
