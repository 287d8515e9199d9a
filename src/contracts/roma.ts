import { z } from 'zod/mini';
import {
  descriptionSchema,
  deviceNameSchema,
  deviceSchema,
  deviceStatusSchema,
  type Device,
  nodeTypeSchema,
  onlineStatusSchema,
  tagsSchema,
} from './device';

/** ROMA and IoTDA errors: `{error_code, error_msg, request_id}` (001 Tables 9-11). */
export const romaErrorSchema = z.object({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string(),
});
export type RomaError = z.infer<typeof romaErrorSchema>;

/** 001 path limits: project_id ≤ 32, instance_id ≤ 36, device_id 0..99999999999999999. */
export const romaInstancePathSchema = z.object({
  project_id: z.string().check(z.minLength(1), z.maxLength(32)),
  instance_id: z.string().check(z.minLength(1), z.maxLength(36)),
});
export const romaDevicePathSchema = z.extend(romaInstancePathSchema, {
  device_id: z.pipe(z.string().check(z.regex(/^\d{1,17}$/, 'device_id must be an integer')), z.transform(Number)),
});

export const SORT_FIELDS = [
  'id',
  'device_name',
  'node_id',
  'node_type',
  'online_status',
  'status',
  'frozen',
  'created_datetime',
  'last_updated_datetime',
  'last_active_time',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const sortSchema = z.enum([...SORT_FIELDS, ...SORT_FIELDS.map((f) => `-${f}` as const)]);
export type DeviceSort = z.infer<typeof sortSchema>;

const intString = z.pipe(z.string().check(z.regex(/^\d{1,17}$/)), z.transform(Number));
const csvOf = <T extends z.ZodMiniType<unknown, string>>(item: T) =>
  z.pipe(
    z.pipe(
      z.string().check(z.minLength(1)),
      z.transform((s: string) => s.split(',')),
    ),
    z.array(item).check(z.minLength(1)),
  );

/**
 * The filters shared by the list call and the console's summary call, as query-string values.
 * ROMA "Querying Devices" filters plus the console's `parent_device_id` and `frozen`.
 */
export const deviceFilterQuerySchema = z.object({
  device_name: z.optional(z.string().check(z.maxLength(64))),
  product_id: z.optional(intString),
  /** The console's: the sub-devices of one gateway, so a device page need not list every sub-device. */
  parent_device_id: z.optional(intString),
  node_id: z.optional(csvOf(z.string().check(z.minLength(1), z.maxLength(64)))),
  node_type: z.optional(z.pipe(z.pipe(z.enum(['0', '1', '2']), z.transform(Number)), nodeTypeSchema)),
  online_status: z.optional(csvOf(z.pipe(z.pipe(z.enum(['0', '1', '2']), z.transform(Number)), onlineStatusSchema))),
  status: z.optional(z.pipe(z.pipe(z.enum(['0', '1']), z.transform(Number)), deviceStatusSchema)),
  tag: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  created_date_start: z.optional(intString),
  created_date_end: z.optional(intString),
  frozen: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((v: 'true' | 'false') => v === 'true'),
    ),
  ),
});
export type DeviceFilterQuery = z.input<typeof deviceFilterQuerySchema>;
export type DeviceFilter = z.output<typeof deviceFilterQuerySchema>;

const DEVICE_FIELDS = Object.keys(deviceSchema.shape) as [keyof Device, ...Array<keyof Device>];

/**
 * The fields of a device the console's list reads: its columns, filters and sorts, and what a bulk
 * action needs of a ticked row. The rest (addresses, keys, users, description) is the device page's.
 */
export const LISTED_DEVICE_FIELDS = [
  'permissions',
  'id',
  'device_id',
  'parent_device_id',
  'parent_device_name',
  'product',
  'device_name',
  'node_id',
  'status',
  'online_status',
  'tags',
  'created_datetime',
  'last_updated_datetime',
  'last_active_time',
  'node_type',
  'iotda_device_id',
  'frozen',
  'connected',
  'mirrored',
] as const satisfies ReadonlyArray<keyof Device>;
type ListedField = (typeof LISTED_DEVICE_FIELDS)[number];
export const listedDeviceSchema = z.pick(
  deviceSchema,
  Object.fromEntries(LISTED_DEVICE_FIELDS.map((field) => [field, true])) as { [K in ListedField]: true },
);
export type ListedDevice = z.infer<typeof listedDeviceSchema>;

/**
 * ROMA list: offset ≥ 0, limit 1-999 (default 10), plus the console's `sort` and `fields` (the
 * device fields each item carries, all when absent: a 999-row page of the list's fields is about
 * a third of the whole devices, on the wire too).
 */
export const listDevicesQuerySchema = z.extend(deviceFilterQuerySchema, {
  offset: z._default(z.optional(intString), 0),
  limit: z._default(
    z.optional(z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,4}$/)), z.transform(Number)), z.int().check(z.minimum(1), z.maximum(999)))),
    10,
  ),
  sort: z.optional(sortSchema),
  fields: z.optional(csvOf(z.enum(DEVICE_FIELDS))),
});
export type ListDevicesQuery = z.input<typeof listDevicesQuerySchema>;
export type ListDevicesParams = z.output<typeof listDevicesQuerySchema>;

export const listDevicesResponseSchema = z.object({
  total: z.int(),
  size: z.int(),
  items: z.array(deviceSchema),
});
export type ListDevicesResponse = z.infer<typeof listDevicesResponseSchema>;

/** The list as the console asks for it, with `fields` set to LISTED_DEVICE_FIELDS. */
export const listedDevicesResponseSchema = z.extend(listDevicesResponseSchema, { items: z.array(listedDeviceSchema) });
export type ListedDevicesResponse = z.infer<typeof listedDevicesResponseSchema>;

/** 001 Table 3: the body of "Modifying a Device". */
export const updateDeviceBodySchema = z.object({
  device_name: deviceNameSchema,
  status: deviceStatusSchema,
  description: z.optional(descriptionSchema),
  tags: z.optional(tagsSchema),
});
export type UpdateDeviceBody = z.infer<typeof updateDeviceBodySchema>;

/** 004: 1-1,000 ids; fractions are rounded down. */
export const FORCE_OFFLINE_MAX = 1000;
export const forceOfflineBodySchema = z.object({
  device_ids: z
    .array(z.pipe(z.number().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)), z.transform(Math.floor)))
    .check(
      z.minLength(1, 'device_ids must hold at least one id.'),
      z.maxLength(FORCE_OFFLINE_MAX, `device_ids can hold at most ${FORCE_OFFLINE_MAX} ids.`),
    ),
});
export type ForceOfflineBody = z.input<typeof forceOfflineBodySchema>;

/** 004 Table 5 DeviceInfoSimple; failed entries may say why. */
export const deviceInfoSimpleSchema = z.object({
  id: z.int(),
  device_name: z.string(),
  device_id: z.int(),
  error_code: z.optional(z.string()),
  error_msg: z.optional(z.string()),
});
export type DeviceInfoSimple = z.infer<typeof deviceInfoSimpleSchema>;

export const forceOfflineResponseSchema = z.object({
  success: z.array(deviceInfoSimpleSchema),
  failed: z.array(deviceInfoSimpleSchema),
});
export type ForceOfflineResponse = z.infer<typeof forceOfflineResponseSchema>;

