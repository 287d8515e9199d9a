import { z } from 'zod';

/** An SPKI PEM of an RSA key of 2048 bits or more; the service checks the key itself. */
export const registerPublicKeyBodySchema = z.object({
  publicKey: z
    .string()
    .min(1)
    .max(8192)
    .regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/, 'publicKey must be an SPKI PEM.'),
});
export type RegisterPublicKeyBody = z.infer<typeof registerPublicKeyBodySchema>;

/** `fingerprint` is the lowercase hex SHA-256 of the key's DER (SPKI) bytes. */
export const publicKeyResponseSchema = z.object({
  publicKey: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PublicKeyResponse = z.infer<typeof publicKeyResponseSchema>;

export const orgPathSchema = z.object({ orgId: z.string().min(1).max(64) });

/** Fleet counts under the list's own filters. */
export const deviceSummarySchema = z.object({
  total: z.number().int(),
  online_status: z.object({ '0': z.number().int(), '1': z.number().int(), '2': z.number().int() }),
  status: z.object({ '0': z.number().int(), '1': z.number().int() }),
  frozen: z.number().int(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
