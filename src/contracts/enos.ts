import { z } from 'zod/mini';
import { deviceKeySchema } from './device';

/** EnOS answers HTTP 200 with the outcome in `code` (0 = OK). */
export const enosEnvelopeSchema = <T extends z.ZodMiniType>(data: T) =>
  z.object({
    code: z.int(),
    msg: z.string(),
    requestId: z.string(),
    data,
  });
export const enosErrorSchema = enosEnvelopeSchema(z.null());
export type EnosError = z.infer<typeof enosErrorSchema>;

export const ENOS_CODES = {
  ok: 0,
  deviceNotFound: 11404,
  deviceKeyExisted: 11702,
  deviceKeyRepetitive: 11704,
  publicKeyNotFound: 11858,
  invalidArguments: 99400,
  unauthorized: 401,
} as const;

/** The messages of 000 and 002, to the letter. */
export const ENOS_MESSAGES = {
  ok: 'OK',
  deviceNotFound: 'Device cannot be found',
  deviceKeyExisted: 'DeviceKey existed',
  deviceKeyRepetitive: 'DeviceKey is repetitive',
  publicKeyNotFound: 'Unable to find public key',
  invalidArguments: 'Invalid arguments',
  deviceInfoInvalid: 'Invalid arguments: Device information is invalid.',
  statusNotAllowed: (status: string) => `Invalid arguments: Status ${status} is not allowed to be modified.`,
  connected: 'Invalid arguments: Unable to modify status as the device is currently connected to EnOS.',
  mirrored: 'Invalid arguments: Unable to modify status for mirrored devices.',
  disabled: 'Invalid arguments: Unable to modify status for disabled devices.',
  unauthorized: 'Unauthorized: a valid X-Auth-Token is required.',
} as const;

/** Either `assetId`, or `productKey` + `deviceKey` (000 and 002). */
export const deviceLocatorSchema = z.object({
  assetId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  productKey: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  deviceKey: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type DeviceLocator = z.infer<typeof deviceLocatorSchema>;
export const hasDeviceLocator = (l: DeviceLocator): boolean => Boolean(l.assetId || (l.productKey && l.deviceKey));

export const ENOS_DEVICE_STATUSES = ['inactive', 'online', 'offline'] as const;
export const enosDeviceStatusSchema = z.enum(ENOS_DEVICE_STATUSES);
export type EnosDeviceStatus = z.infer<typeof enosDeviceStatusSchema>;

export const orgQuerySchema = z.object({ orgId: z.string().check(z.minLength(1), z.maxLength(64)) });

/** 000 query: `action=modifyDeviceStatus&orgId=`. */
export const modifyDeviceStatusQuerySchema = z.extend(orgQuerySchema, { action: z.literal('modifyDeviceStatus') });

/** 000 body. The route maps each issue to 000's own 99400 message. */
export const modifyDeviceStatusBodySchema = z.extend(deviceLocatorSchema, { status: enosDeviceStatusSchema });
export type ModifyDeviceStatusBody = z.infer<typeof modifyDeviceStatusBodySchema>;
export const modifyDeviceStatusResponseSchema = enosEnvelopeSchema(z.null());

/** 002 query: the device is named in the URL. */
export const replaceDeviceQuerySchema = z.merge(z.extend(orgQuerySchema, { action: z.literal('replaceDevice') }), deviceLocatorSchema);
export type ReplaceDeviceQuery = z.infer<typeof replaceDeviceQuerySchema>;

/** 002 body. */
export const replaceDeviceBodySchema = z.object({
  newDeviceKey: deviceKeySchema,
  requireSecret: z.optional(z.boolean()),
});
export type ReplaceDeviceBody = z.infer<typeof replaceDeviceBodySchema>;

/**
 * 002 DeviceReplaceResult. `deviceSecret` is base64(IV[12] ‖ AES-256-GCM ciphertext ‖ tag[16]);
 * `sessionKey` is base64 of the raw AES key wrapped with RSA-OAEP (SHA-256) under the org's public key.
 */
export const deviceReplaceResultSchema = z.object({
  assetId: z.string(),
  productKey: z.string(),
  deviceKey: z.string(),
  deviceSecret: z.optional(z.string()),
  sessionKey: z.optional(z.string()),
});
export type DeviceReplaceResult = z.infer<typeof deviceReplaceResultSchema>;
export const replaceDeviceResponseSchema = enosEnvelopeSchema(z.nullable(deviceReplaceResultSchema));
