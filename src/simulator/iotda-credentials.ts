import { createHmac } from 'node:crypto';

/** What a device puts in its CONNECT, by IoTDA's "Device Connection Authentication" (DESIGN.md "Live devices"). */
export interface ConnectCredentials {
  clientId: string;
  username: string;
  password: string;
}

/** `YYYYMMDDHH` in UTC. */
export function utcHour(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}`;
}

/**
 * ClientId `{device_id}_0_{sign type}_{YYYYMMDDHH}`, Username `{device_id}`, Password the
 * lowercase hex HMAC-SHA256 of the secret keyed by the timestamp. Sign type 1 (the default) asks
 * the platform to check the timestamp against its clock, so a stolen password soon expires.
 */
export function connectCredentials(deviceId: string, secret: string, options: { at?: number; signType?: 0 | 1 } = {}): ConnectCredentials {
  const timestamp = utcHour(options.at ?? Date.now());
  return {
    clientId: `${deviceId}_0_${options.signType ?? 1}_${timestamp}`,
    username: deviceId,
    password: createHmac('sha256', timestamp).update(secret).digest('hex'),
  };
}
