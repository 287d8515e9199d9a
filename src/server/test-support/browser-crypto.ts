import { webcrypto } from 'node:crypto';

/**
 * What the console does in the browser (DESIGN.md "The secret"), with the same WebCrypto calls,
 * so service tests prove a browser can open what the service seals.
 */
const { subtle } = webcrypto;

/** Node's WebCrypto pair: since Node 24 its key usages are wider than the DOM library's. */
export type BrowserKeyPair = webcrypto.CryptoKeyPair;

const fromBase64 = (value: string) => Uint8Array.from(Buffer.from(value, 'base64'));

/** An RSA-OAEP (SHA-256) pair with a non-extractable private key, as the console keeps in IndexedDB. */
export function browserKeyPair(modulusLength = 2048): Promise<BrowserKeyPair> {
  return subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The public key as the SPKI PEM the console registers. */
export async function spkiPem(publicKey: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('spki', publicKey));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Unwraps `sessionKey` with RSA-OAEP, then opens `deviceSecret` (IV[12] ‖ ciphertext ‖ tag) with AES-GCM. */
export async function openSecret(privateKey: webcrypto.CryptoKey, sealed: { deviceSecret: string; sessionKey: string }): Promise<string> {
  const raw = await subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, fromBase64(sealed.sessionKey));
  const key = await subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  const bytes = fromBase64(sealed.deviceSecret);
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  return new TextDecoder().decode(plain);
}
