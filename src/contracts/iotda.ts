import { z } from 'zod/mini';

/** IoTDA errors: `{error_code, error_msg}`; we add the request id every answer carries. */
export const iotdaErrorSchema = z.object({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.optional(z.string()),
});
export type IotdaError = z.infer<typeof iotdaErrorSchema>;

/** 003: device_id is at most 128 of A-Za-z0-9, underscore and hyphen; ours is `{product_id}_{node_id}`. */
export const iotdaDevicePathSchema = z.object({
  project_id: z.string().check(z.minLength(1), z.maxLength(64)),
  device_id: z
    .string()
    .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, 'device_id may contain only letters, digits, underscores and hyphens')),
});
export type IotdaDevicePath = z.infer<typeof iotdaDevicePathSchema>;

export const IOTDA_CODES = {
  invalidInput: 'IOTDA.000006',
  deviceNotFound: 'IOTDA.014000',
} as const;
