/**
 * The organisation's RSA-OAEP key pair, made in the browser. The private key is created
 * non-extractable: script can use it to decrypt but can never read its bytes, not even ours.
 */
export const ORG_KEY_ALGORITHM: RsaHashedKeyGenParams = {
  name: 'RSA-OAEP',
  modulusLength: 3072,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

export function generateOrgKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ORG_KEY_ALGORITHM, false, ['encrypt', 'decrypt']);
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const PEM_BEGIN = '-----BEGIN PUBLIC KEY-----';
const PEM_END = '-----END PUBLIC KEY-----';

/** SPKI PEM, the form the service registers. */
export async function exportPublicKeyPem(publicKey: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('spki', publicKey);
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return [PEM_BEGIN, ...lines, PEM_END, ''].join('\n');
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  return fromBase64(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
}

/** Lowercase hex SHA-256 of the DER SPKI: the same fingerprint the service reports. */
export async function publicKeyFingerprint(pem: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', pemToDer(pem));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `ab12cd34…` as `ab12 cd34 …`, easier to compare by eye. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}
