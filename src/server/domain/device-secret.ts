import { randomInt } from 'node:crypto';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const DEVICE_SECRET_LENGTH = 32;

/** A new device secret: 32 characters of A-Za-z0-9 drawn without modulo bias. */
export function generateDeviceSecret(): string {
  let secret = '';
  for (let i = 0; i < DEVICE_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}
