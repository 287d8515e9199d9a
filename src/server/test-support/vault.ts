import { randomBytes } from 'node:crypto';
import { createSecretVault, MASTER_KEY_BYTES, type SecretVault } from '../secrets/secret-vault';

/** A vault under a fresh random master key, for a test's own database. */
export const throwawayVault = (): SecretVault => createSecretVault(randomBytes(MASTER_KEY_BYTES));
