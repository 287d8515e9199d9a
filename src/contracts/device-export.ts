import { z } from 'zod/mini';
import { deviceFilterQuerySchema, sortSchema } from './roma';

/** The console's device export (`GET /console/v1/projects/{p}/instances/{i}/devices/export`): the list's filter and sort, every matching device. */
export const exportDevicesQuerySchema = z.extend(deviceFilterQuerySchema, { sort: z.optional(sortSchema) });
export type ExportDevicesQuery = z.input<typeof exportDevicesQuerySchema>;

/** The export's columns, in order: the list's columns and what identifies a device to each document. */
export const DEVICE_CSV_COLUMNS = [
  'id',
  'device_name',
  'iotda_device_id',
  'node_id',
  'product_name',
  'node_type',
  'status',
  'online_status',
  'frozen',
  'connected',
  'tags',
  'last_active_time',
  'created_datetime',
  'last_updated_datetime',
  'asset_id',
  'product_key',
  'device_key',
  'client_id',
  'description',
] as const;
