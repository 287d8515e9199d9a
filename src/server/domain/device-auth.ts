import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findDeviceForConnect, type ConnectingDevice } from '../db/device-lookup';
import type { Database } from '../db/schema';
import type { SecretVault } from '../secrets/secret-vault';

/** IoTDA's CONNACK return codes for a device CONNECT ("Device Connection Authentication"). */
export const CONNACK = { badClientId: 2, badCredentials: 4, notAuthorised: 5 } as const;

export type ConnectRefusal =
  | { code: typeof CONNACK.badClientId; reason: 'client id' }
  | { code: typeof CONNACK.badCredentials; reason: 'credentials'; device?: ConnectingDevice }
  | { code: typeof CONNACK.notAuthorised; reason: 'frozen' | 'disabled' | 'sub-device'; device: ConnectingDevice };
export type ConnectOutcome = { ok: true; device: ConnectingDevice } | ({ ok: false } & ConnectRefusal);

export interface ParsedClientId {
  /** IoTDA's `{product_id}_{node_id}`. */
  deviceId: string;
  productId: number;
  nodeId: string;
  /** 0: the timestamp is not checked; 1: it must match the service's clock. */
  signType: 0 | 1;
  /** `YYYYMMDDHH` in UTC: the key of the password's HMAC. */
  timestamp: string;
}

const CLIENT_ID = /^((\d{1,17})_(.+))_0_([01])_(\d{10})$/;

/** ClientId `{device_id}_0_{0|1}_{YYYYMMDDHH}`: the 0 says the id is a device id, then the sign type and the timestamp. */
export function parseClientId(clientId: string): ParsedClientId | undefined {
  const match = CLIENT_ID.exec(clientId);
  if (!match) return undefined;
  const [, deviceId, productId, nodeId, signType, timestamp] = match as unknown as [string, string, string, string, '0' | '1', string];
  return { deviceId, productId: Number(productId), nodeId, signType: signType === '1' ? 1 : 0, timestamp };
}

/** The `YYYYMMDDHH` of an instant, in UTC. */
export const hourStamp = (at: number): string => new Date(at).toISOString().replace(/\D/g, '').slice(0, 10);

/**
 * Sign type 1: the timestamp must be the service's current hour. The hour before is accepted
 * too, so a device whose clock or CONNECT crosses the hour a little late is not locked out.
 */
export function isFreshTimestamp(timestamp: string, now: number): boolean {
  const hour = 3_600_000;
  return timestamp === hourStamp(now) || timestamp === hourStamp(now - hour) || timestamp === hourStamp(now + hour);
}

/** The CONNECT password: lowercase hex of HMAC-SHA256 keyed by the timestamp string, over the secret. */
export const connectPassword = (secret: string, timestamp: string): string => createHmac('sha256', timestamp).update(secret).digest('hex');

function passwordMatches(given: Buffer | undefined, secret: string, timestamp: string): boolean {
  const expected = Buffer.from(connectPassword(secret, timestamp));
  return given !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ConnectAttempt {
  clientId: string;
  username: string | undefined;
  password: Buffer | undefined;
  now: number;
}

/**
 * Whether a device may connect with these credentials. The secret is checked before the
 * device's state, so a caller without the secret learns nothing about whether it is frozen
 * (003) or disabled (001): an unknown device and a wrong secret get the same answer.
 */
export async function authenticateDevice(store: { db: Kysely<Database>; vault: SecretVault }, attempt: ConnectAttempt): Promise<ConnectOutcome> {
  const id = parseClientId(attempt.clientId);
  if (!id) return { ok: false, code: CONNACK.badClientId, reason: 'client id' };
  const refuse = (device?: ConnectingDevice): ConnectOutcome => ({ ok: false, code: CONNACK.badCredentials, reason: 'credentials', ...(device && { device }) });
  if (attempt.username !== id.deviceId) return refuse();
  if (id.signType === 1 && !isFreshTimestamp(id.timestamp, attempt.now)) return refuse();

  const device = await findDeviceForConnect(store.db, id.productId, id.nodeId);
  if (!device) return refuse();
  const secret = device.secret_sealed === null ? undefined : store.vault.open(device.secret_sealed, device.asset_id);
  if (secret === undefined || !passwordMatches(attempt.password, secret, id.timestamp)) return refuse(device);
  if (device.frozen === 1) return { ok: false, code: CONNACK.notAuthorised, reason: 'frozen', device };
  if (device.status === 1) return { ok: false, code: CONNACK.notAuthorised, reason: 'disabled', device };
  // A sub-device reaches the platform through its gateway, never on a connection of its own.
  if (device.node_type === 2) return { ok: false, code: CONNACK.notAuthorised, reason: 'sub-device', device };
  return { ok: true, device };
}
