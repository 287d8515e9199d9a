import { describe, expect, it } from 'vitest';
import { browserKeyPair, openSecret, spkiPem } from '../test-support/browser-crypto';
import { sealSecret } from './secret-envelope';

const SECRET = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';

describe('sealSecret (DESIGN.md "The secret")', () => {
  it('seals a secret that WebCrypto opens with the private key, RSA-OAEP SHA-256 then AES-GCM', async () => {
    const pair = await browserKeyPair();
    const sealed = sealSecret(SECRET, await spkiPem(pair.publicKey));
    expect(await openSecret(pair.privateKey, sealed)).toBe(SECRET);
  });

  it('lays deviceSecret out as IV[12] ‖ ciphertext ‖ tag[16] and wraps a key the size of the modulus', async () => {
    const pair = await browserKeyPair();
    const sealed = sealSecret(SECRET, await spkiPem(pair.publicKey));
    expect(Buffer.from(sealed.deviceSecret, 'base64')).toHaveLength(12 + SECRET.length + 16);
    expect(Buffer.from(sealed.sessionKey, 'base64')).toHaveLength(256);
    expect(sealed.deviceSecret).not.toContain(SECRET);
    expect(Buffer.from(sealed.deviceSecret, 'base64').toString('latin1')).not.toContain(SECRET);
  });

  it('uses a fresh key and IV for every seal', async () => {
    const pem = await spkiPem((await browserKeyPair()).publicKey);
    const a = sealSecret(SECRET, pem);
    const b = sealSecret(SECRET, pem);
    expect(a.deviceSecret.slice(0, 16)).not.toBe(b.deviceSecret.slice(0, 16));
    expect(a.sessionKey).not.toBe(b.sessionKey);
  });

  it('cannot be opened with another private key, nor after tampering', async () => {
    const pair = await browserKeyPair();
    const other = await browserKeyPair();
    const sealed = sealSecret(SECRET, await spkiPem(pair.publicKey));
    await expect(openSecret(other.privateKey, sealed)).rejects.toThrow();
    const bytes = Buffer.from(sealed.deviceSecret, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    await expect(openSecret(pair.privateKey, { ...sealed, deviceSecret: bytes.toString('base64') })).rejects.toThrow();
  });
});
