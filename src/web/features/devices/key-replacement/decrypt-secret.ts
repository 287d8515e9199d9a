import { fromBase64 } from './org-key';

export interface SecretEnvelope {
  /** base64(IV[12] ‖ AES-256-GCM ciphertext ‖ tag[16]). */
  deviceSecret: string;
  /** base64 of the raw AES key, wrapped with RSA-OAEP (SHA-256) under the org's public key. */
  sessionKey: string;
}

const IV_LENGTH = 12;

/**
 * Opens the secret the service sealed for this organisation (002 with `requireSecret`).
 * The AES key is imported non-extractable and lives only for this call.
 */
export async function decryptDeviceSecret(privateKey: CryptoKey, envelope: SecretEnvelope): Promise<string> {
  const rawKey = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, fromBase64(envelope.sessionKey));
  const aesKey = await crypto.subtle.importKey('raw', rawKey, { name: 'AES-GCM' }, false, ['decrypt']);
  new Uint8Array(rawKey).fill(0);
  const sealed = fromBase64(envelope.deviceSecret);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, IV_LENGTH) }, aesKey, sealed.slice(IV_LENGTH));
  return new TextDecoder().decode(plain);
}
