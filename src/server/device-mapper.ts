import type { Device, Permission } from '@/contracts/device';
import { permissionSchema } from '@/contracts/device';
import type { DeviceRow, ProductRow } from './db/schema';

/** A device row with its product's columns and its parent's name, as one joined query reads them. */
export type DeviceRecord = DeviceRow &
  Pick<ProductRow, 'product_key' | 'product_name' | 'manufacturer_id' | 'model' | 'protocol_type' | 'product_type' | 'extend_protocol_name'> & {
    parent_device_name: string | null;
  };

const PERMISSIONS = new Set<string>(permissionSchema.options);
const isPermission = (value: string): value is Permission => PERMISSIONS.has(value);

/**
 * Sets each of `fields` on `target` only when it is set: 001's optional fields are absent, never null.
 * A loop of plain assignments, as the list maps 50 to 999 devices per answer (bench/).
 */
function assignPresent<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | null }): T {
  for (const key in fields) {
    const value = fields[key];
    if (value !== null && value !== undefined) target[key] = value;
  }
  return target;
}

// The enum-like columns are only ever written by this service within their documented ranges.
type ProtocolType = Device['product']['protocol_type'];
type ProductType = Device['product']['product_type'];
type DeviceStatus = Device['status'];
type OnlineStatus = Device['online_status'];
type NodeType = Device['node_type'];

/** The device object of 001 Table 4 and its additions (DESIGN.md); never the authentication password. */
export function toDevice(row: DeviceRecord, tags: readonly string[], instanceId: string): Device {
  const product: Device['product'] = {
    product_id: row.product_id,
    product_name: row.product_name,
    manufacturer_id: row.manufacturer_id,
    model: row.model,
    protocol_type: row.protocol_type as ProtocolType,
    product_type: row.product_type as ProductType,
  };
  const device: Device = {
    permissions: row.permissions.split(',').map((p) => p.trim()).filter(isPermission),
    id: row.id,
    device_id: row.id,
    product: assignPresent(product, { extend_protocol_name: row.extend_protocol_name }),
    device_name: row.device_name,
    instance_id: instanceId,
    client_id: row.client_id,
    node_id: row.node_id,
    app_name: row.app_name,
    app_id: row.app_id,
    status: row.status as DeviceStatus,
    online_status: row.online_status as OnlineStatus,
    description: row.description,
    authentication: { user_name: row.auth_user_name },
    created_user: { user_id: '', user_name: row.created_user },
    last_updated_user: { user_id: '', user_name: row.last_updated_user },
    tags: [...tags],
    created_datetime: row.created_datetime,
    last_updated_datetime: row.last_updated_datetime,
    connect_address: row.connect_address,
    ssl_connect_address: row.ssl_connect_address,
    node_type: row.node_type as NodeType,
    device_type: row.node_type as NodeType,
    asset_id: row.asset_id,
    product_key: row.product_key,
    device_key: row.device_key,
    iotda_device_id: `${row.product_id}_${row.node_id}`,
    frozen: row.frozen === 1,
    connected: row.connected === 1,
    mirrored: row.mirrored === 1,
  };
  return assignPresent(device, {
    parent_device_id: row.parent_device_id,
    parent_device_name: row.parent_device_name,
    last_login_datetime: row.last_login_datetime,
    last_active_time: row.last_active_time,
    client_ip: row.client_ip,
    keep_alive: row.keep_alive,
    version: row.version,
  });
}
