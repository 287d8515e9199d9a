import { z } from 'zod/mini';

/** An SPKI PEM of an RSA key of 2048 bits or more; the service checks the key itself. */
export const registerPublicKeyBodySchema = z.object({
  publicKey: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(8192),
      z.regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/, 'publicKey must be an SPKI PEM.'),
    ),
});
export type RegisterPublicKeyBody = z.infer<typeof registerPublicKeyBodySchema>;

/** `fingerprint` is the lowercase hex SHA-256 of the key's DER (SPKI) bytes. */
export const publicKeyResponseSchema = z.object({
  publicKey: z.string(),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type PublicKeyResponse = z.infer<typeof publicKeyResponseSchema>;

export const orgPathSchema = z.object({ orgId: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Fleet counts under the list's own filters. */
export const deviceSummarySchema = z.object({
  total: z.int(),
  online_status: z.object({ '0': z.int(), '1': z.int(), '2': z.int() }),
  status: z.object({ '0': z.int(), '1': z.int() }),
  frozen: z.int(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

/** One entry of a device's connection history: every connect, disconnect and refused CONNECT. */
export const connectionEventSchema = z.object({
  /** Milliseconds since the epoch. */
  at: z.int(),
  event: z.enum(['connected', 'disconnected', 'refused']),
  /** e.g. `device closed`, `keep-alive timeout`, `forced offline by a user`, `refused: frozen`. */
  reason: z.string(),
  client_ip: z.nullable(z.string()),
});
export type ConnectionEvent = z.infer<typeof connectionEventSchema>;

/** Newest first; offset ≥ 0, limit 1-100 (default 20). */
export const connectionHistoryQuerySchema = z.object({
  offset: z._default(z.optional(z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number))), 0),
  limit: z._default(
    z.optional(z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number)), z.int().check(z.minimum(1), z.maximum(100)))),
    20,
  ),
});
export type ConnectionHistoryQuery = z.input<typeof connectionHistoryQuerySchema>;

export const connectionHistorySchema = z.object({ total: z.int(), items: z.array(connectionEventSchema) });
export type ConnectionHistory = z.infer<typeof connectionHistorySchema>;

/** Sessions begun and ended in one minute (`minute`: its start, ms since the epoch). */
export const activityMinuteSchema = z.object({ minute: z.int(), connected: z.int(), disconnected: z.int() });
export type ActivityMinute = z.infer<typeof activityMinuteSchema>;

/** The workspace's connections and disconnections per minute over the last hour, oldest first, every minute present. */
export const connectionActivitySchema = z.object({ minutes: z.array(activityMinuteSchema) });
export type ConnectionActivity = z.infer<typeof connectionActivitySchema>;

/** A device's latest property report: IoTDA's JSON body as the device sent it (a string where it was not JSON); nulls before its first. */
export const deviceReportSchema = z.object({ reported_at: z.nullable(z.int()), report: z.unknown() });
export type DeviceReport = z.infer<typeof deviceReportSchema>;
