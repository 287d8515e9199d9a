import { z } from 'zod/mini';

/** 001: 0 enabled, 1 disabled (the administrative switch). */
export const deviceStatusSchema = z.union([z.literal(0), z.literal(1)]);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** 001: 0 inactive (never connected), 1 online, 2 offline; EnOS calls them inactive/online/offline. */
export const onlineStatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type OnlineStatus = z.infer<typeof onlineStatusSchema>;

/** 001: 0 direct connection, 1 gateway, 2 sub-device. */
export const nodeTypeSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type NodeType = z.infer<typeof nodeTypeSchema>;

/** 001 Table 5: 0 mqtt, 1 CoAP, 2 modbus, 4 opcua, 5 extended protocol. */
export const protocolTypeSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4), z.literal(5)]);

export const permissionSchema = z.enum(['read', 'access', 'delete', 'modify']);
export type Permission = z.infer<typeof permissionSchema>;

/** 001: device_name is 2-64 letters, digits and ()_,#.?'-@%&! — no space. */
export const DEVICE_NAME_PATTERN = /^[\p{L}\p{N}()_,#.?'\-@%&!]+$/u;
export const deviceNameSchema = z
  .string()
  .check(
    z.minLength(2, 'Device name must be at least 2 characters.'),
    z.maxLength(64, 'Device name must be at most 64 characters.'),
    z.regex(DEVICE_NAME_PATTERN, "Device name may contain only letters, digits and ()_,#.?'-@%&! (no spaces)."),
  );

export const DESCRIPTION_MAX = 200;
export const descriptionSchema = z.string().check(z.maxLength(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters.`));

export const TAG_MAX = 64;
/** 001 bounds each tag at 1-64; it gives no bound on their number, so we set one to keep a device's row small. */
export const TAGS_MAX_COUNT = 50;
export const tagSchema = z.string().check(z.minLength(1, 'A tag cannot be empty.'), z.maxLength(TAG_MAX, `A tag must be at most ${TAG_MAX} characters.`));
export const tagsSchema = z
  .array(tagSchema)
  .check(
    z.maxLength(TAGS_MAX_COUNT, `A device can have at most ${TAGS_MAX_COUNT} tags.`),
    z.refine((tags) => new Set(tags).size === tags.length, 'Tags must be unique.'),
  );

/** 002: a device key is 4-64 of A-Za-z0-9, hyphen, underscore and dot. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9._-]+$/;
export const deviceKeySchema = z
  .string()
  .check(
    z.minLength(4, 'Device key must be at least 4 characters.'),
    z.maxLength(64, 'Device key must be at most 64 characters.'),
    z.regex(DEVICE_KEY_PATTERN, 'Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).'),
  );

/** 001 Table 5 ProductReferer. */
export const productRefererSchema = z.object({
  product_id: z.int(),
  product_name: z.string(),
  manufacturer_id: z.string(),
  model: z.string(),
  protocol_type: protocolTypeSchema,
  product_type: z.union([z.literal(0), z.literal(1)]),
  extend_protocol_name: z.optional(z.string()),
});
export type ProductReferer = z.infer<typeof productRefererSchema>;

const userRefSchema = z.object({ user_id: z.string(), user_name: z.string() });

/**
 * The full device of 001 (Table 4) plus the identities and states the other documents need:
 * EnOS `asset_id`, `product_key` and `device_key`, and the `frozen`, `connected` and `mirrored` flags.
 * The authentication password is never sent.
 */
export const deviceSchema = z.object({
  permissions: z.array(permissionSchema),
  id: z.int(),
  device_id: z.int(),
  parent_device_id: z.optional(z.int()),
  parent_device_name: z.optional(z.string()),
  product: productRefererSchema,
  device_name: z.string(),
  instance_id: z.string(),
  client_id: z.string(),
  node_id: z.string(),
  app_name: z.string(),
  app_id: z.string(),
  status: deviceStatusSchema,
  online_status: onlineStatusSchema,
  description: z.string(),
  authentication: z.object({ user_name: z.string() }),
  created_user: userRefSchema,
  last_updated_user: userRefSchema,
  tags: z.array(z.string()),
  created_datetime: z.int(),
  last_updated_datetime: z.int(),
  connect_address: z.string(),
  ssl_connect_address: z.string(),
  ipv6_connect_address: z.optional(z.string()),
  ipv6_ssl_connect_address: z.optional(z.string()),
  last_login_datetime: z.optional(z.int()),
  last_active_time: z.optional(z.int()),
  node_type: nodeTypeSchema,
  device_type: nodeTypeSchema,
  client_ip: z.optional(z.string()),
  keep_alive: z.optional(z.string()),
  version: z.optional(z.string()),
  asset_id: z.string(),
  product_key: z.string(),
  device_key: z.string(),
  /** IoTDA's string device id: `{product_id}_{node_id}`. */
  iotda_device_id: z.string(),
  frozen: z.boolean(),
  connected: z.boolean(),
  mirrored: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;
