import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretVault, MASTER_KEY_FILE, PREVIOUS_MASTER_KEY_FILE } from './master-key';
import { masterKeyId } from './secret-vault';

describe('the master key of device secrets', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'master-key-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is created once as a 0600 file in the data folder, and read back on the next start', async () => {
    const first = await loadSecretVault({ dataDir });
    const file = path.join(dataDir, MASTER_KEY_FILE);
    expect(first.createdFile).toBe(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadSecretVault({ dataDir });
    expect(second.createdFile).toBeUndefined();
    expect(second.vault.keyId).toBe(first.vault.keyId);
    expect(second.vault.open(first.vault.seal('s', 'a'), 'a')).toBe('s');
  });

  it('closes a key file that others can read', async () => {
    await loadSecretVault({ dataDir });
    const file = path.join(dataDir, MASTER_KEY_FILE);
    await chmod(file, 0o644);
    await loadSecretVault({ dataDir });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('takes SECRET_MASTER_KEY instead, writing no file; previous keys from the variable and the file only open', async () => {
    const [current, fromEnv, fromFile] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    await writeFile(path.join(dataDir, PREVIOUS_MASTER_KEY_FILE), fromFile.toString('base64'));
    const { vault, createdFile } = await loadSecretVault({ dataDir, key: current.toString('base64'), previousKeys: fromEnv.toString('base64') });
    expect(createdFile).toBeUndefined();
    await expect(readFile(path.join(dataDir, MASTER_KEY_FILE))).rejects.toThrow(/ENOENT/);
    expect(vault.keyId).toBe(masterKeyId(current));
    const { vault: old } = await loadSecretVault({ dataDir: path.join(dataDir, 'x'), key: fromFile.toString('base64') });
    expect(vault.open(old.seal('s', 'a'), 'a')).toBe('s');
  });

  it('refuses a key that is not base64 of 32 bytes, saying how to make one', async () => {
    await expect(loadSecretVault({ dataDir, key: 'c2hvcnQ=' })).rejects.toThrow(/SECRET_MASTER_KEY must be base64 of 32 random bytes/);
  });
});
