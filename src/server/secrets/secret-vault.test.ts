import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretVault } from './secret-vault';

const SECRET = 'Abcdefghijklmnopqrstuvwxyz012345';

describe('secret vault', () => {
  const key = randomBytes(32);
  const vault = createSecretVault(key);

  it('seals a secret that only the same device opens, with a fresh IV each time', () => {
    const sealed = vault.seal(SECRET, 'asset-1');
    expect(sealed).toMatch(new RegExp(`^v1\\.${vault.keyId}\\.[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain(SECRET);
    expect(vault.open(sealed, 'asset-1')).toBe(SECRET);
    expect(vault.open(sealed, 'asset-2')).toBeUndefined();
    expect(vault.seal(SECRET, 'asset-1')).not.toBe(sealed);
  });

  it('opens nothing altered, truncated, of another format or under an unknown key', () => {
    const sealed = vault.seal(SECRET, 'asset-1');
    const body = Buffer.from(sealed.split('.')[2]!, 'base64url');
    body[20]! ^= 1;
    expect(vault.open(`v1.${vault.keyId}.${body.toString('base64url')}`, 'asset-1')).toBeUndefined();
    expect(vault.open(sealed.slice(0, 30), 'asset-1')).toBeUndefined();
    expect(vault.open(sealed.replace(/^v1/, 'v2'), 'asset-1')).toBeUndefined();
    expect(createSecretVault(randomBytes(32)).open(sealed, 'asset-1')).toBeUndefined();
    expect(vault.open('sha256$salt$hash', 'asset-1')).toBeUndefined();
  });

  it('after a rotation, opens with the previous key and seals under the new one', () => {
    const sealed = vault.seal(SECRET, 'asset-1');
    const rotated = createSecretVault(randomBytes(32), [key]);
    expect(rotated.open(sealed, 'asset-1')).toBe(SECRET);
    expect(rotated.keyIdOf(sealed)).toBe(vault.keyId);
    expect(rotated.keyIdOf(rotated.seal(SECRET, 'asset-1'))).toBe(rotated.keyId);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
