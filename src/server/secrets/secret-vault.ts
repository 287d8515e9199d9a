import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const MASTER_KEY_BYTES = 32;

/**
 * Device secrets at rest (DESIGN.md "Live devices"): the gateway needs each secret in clear to
 * check an IoTDA CONNECT password (an HMAC keyed by a timestamp), so a one-way hash cannot do.
 * Each secret is sealed with AES-256-GCM under a master key kept outside the database, bound to
 * the device's assetId (which no operation changes), so a sealed value copied onto another
 * device does not open.
 */
export interface SecretVault {
  /** Names the current master key inside every value it seals: `v1.{keyId}.{iv|ciphertext|tag}`. */
  readonly keyId: string;
  seal(secret: string, assetId: string): string;
  /** The secret, or undefined for a value sealed under a key this vault lacks, for another device, or altered. */
  open(sealed: string, assetId: string): string | undefined;
  /** The key id a sealed value names, whether or not this vault has that key. */
  keyIdOf(sealed: string): string | undefined;
}

/**
 * IVs drawn 256 at a time: each draw of random bytes costs microseconds whatever its size, and
 * seeding sealed a million secrets. Each IV is handed out once.
 */
const IVS_A_DRAW = 256;
let ivs = Buffer.alloc(0);
let ivsUsed = 0;
function nextIv(): Buffer {
  if (ivsUsed + IV_BYTES > ivs.length) {
    ivs = randomBytes(IV_BYTES * IVS_A_DRAW);
    ivsUsed = 0;
  }
  ivsUsed += IV_BYTES;
  return ivs.subarray(ivsUsed - IV_BYTES, ivsUsed);
}

/** A short public name of a key: its SHA-256, cut to 12 hex digits. */
export const masterKeyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 12);

export function createSecretVault(current: Buffer, previous: readonly Buffer[] = []): SecretVault {
  for (const key of [current, ...previous]) {
    if (key.length !== MASTER_KEY_BYTES) throw new Error(`A master key must be ${MASTER_KEY_BYTES} bytes, got ${key.length}`);
  }
  const keyId = masterKeyId(current);
  const keys = new Map([current, ...previous].map((key) => [masterKeyId(key), key]));
  const keyIdOf = (sealed: string) => {
    const [format, id] = sealed.split('.', 2);
    return format === FORMAT ? id : undefined;
  };

  return {
    keyId,
    keyIdOf,
    seal(secret, assetId) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(assetId, 'utf8'));
      const body = Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${FORMAT}.${keyId}.${body.toString('base64url')}`;
    },
    open(sealed, assetId) {
      const [format, id, data] = sealed.split('.');
      const key = id === undefined ? undefined : keys.get(id);
      if (format !== FORMAT || !key || !data) return undefined;
      const body = Buffer.from(data, 'base64url');
      if (body.length <= IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(assetId, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
