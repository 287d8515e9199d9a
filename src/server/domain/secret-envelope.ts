import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';

/** What 002 returns instead of the secret: the secret sealed for the holder of the org's private key. */
export interface SealedSecret {
  /** base64(IV[12] ‖ AES-256-GCM ciphertext ‖ tag[16]): the layout WebCrypto's AES-GCM decrypt expects. */
  deviceSecret: string;
  /** base64 of the raw 32-byte AES key, encrypted with RSA-OAEP (SHA-256) under the org's public key. */
  sessionKey: string;
}

const IV_BYTES = 12;
const KEY_BYTES = 32;

/**
 * Seals a secret so that only the browser holding the private key can read it
 * (DESIGN.md "The secret"): a fresh key per call, so no two envelopes share one.
 */
export function sealSecret(secret: string, publicKeyPem: string): SealedSecret {
  const key = randomBytes(KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    // node's oaepHash sets both the OAEP digest and MGF1's, as WebCrypto's RSA-OAEP {hash: 'SHA-256'} does.
    const wrapped = publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
    return {
      deviceSecret: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64'),
      sessionKey: wrapped.toString('base64'),
    };
  } finally {
    // The raw key opens the secret: do not leave it in memory longer than the call.
    key.fill(0);
  }
}
