import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSecretVault, MASTER_KEY_BYTES, type SecretVault } from './secret-vault';

export const MASTER_KEY_FILE = 'secret-master.key';
/** Where a rotation leaves the key it replaces, until every secret is sealed under the new one. */
export const PREVIOUS_MASTER_KEY_FILE = 'secret-master.previous.key';

export interface MasterKeySource {
  /** Base64 of 32 bytes; where set, no key file is read or written. */
  key?: string | undefined;
  /** Base64 keys, comma-separated, that secrets may still be sealed under. */
  previousKeys?: string | undefined;
  dataDir: string;
}

export interface LoadedVault {
  vault: SecretVault;
  /** Set when this start created the key file. */
  createdFile?: string;
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`${name} must be base64 of ${MASTER_KEY_BYTES} random bytes (openssl rand -base64 32)`);
  return key;
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A key readable by others is no longer a secret kept apart from the database: close it again.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  return decodeKey(text, file);
}

/**
 * The master key that seals device secrets: `SECRET_MASTER_KEY`, or else a 0600 file in the data
 * folder, created on the first start. Previous keys (after a rotation) only open.
 */
export async function loadSecretVault(source: MasterKeySource): Promise<LoadedVault> {
  const previous = (source.previousKeys ?? '')
    .split(',')
    .filter((value) => value.trim() !== '')
    .map((value) => decodeKey(value, 'SECRET_MASTER_KEY_PREVIOUS'));
  const previousFile = await readKeyFile(path.join(source.dataDir, PREVIOUS_MASTER_KEY_FILE));
  if (previousFile) previous.push(previousFile);

  if (source.key) return { vault: createSecretVault(decodeKey(source.key, 'SECRET_MASTER_KEY'), previous) };

  const file = path.join(source.dataDir, MASTER_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return { vault: createSecretVault(existing, previous) };
  const key = randomBytes(MASTER_KEY_BYTES);
  try {
    // `wx`: of two processes starting on one folder, one writes the key and the other reads it.
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const written = (error as NodeJS.ErrnoException).code === 'EEXIST' ? await readKeyFile(file) : undefined;
    if (!written) throw error;
    return { vault: createSecretVault(written, previous) };
  }
  return { vault: createSecretVault(key, previous), createdFile: file };
}
