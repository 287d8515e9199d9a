import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { deviceSchema } from '@/contracts/device';
import { toDevice, type DeviceRecord } from './device-mapper';

const record: DeviceRecord = {
  id: 42,
  workspace_id: 'default',
  product_id: 7,
  asset_id: 'asset42',
  device_key: 'dk42',
  secret_sealed: 'v1.0123456789ab.c2VhbGVk',
  node_id: 'node_with_underscores',
  device_name: 'pump',
  client_id: 'C42',
  app_name: 'app',
  app_id: 'app-1',
  status: 1,
  online_status: 2,
  connected: 0,
  mirrored: 1,
  frozen: 1,
  node_type: 0,
  parent_device_id: null,
  description: '',
  permissions: 'read, modify,,bogus',
  auth_user_name: 'AUTHUSER',
  created_user: 'creator',
  last_updated_user: 'editor',
  created_datetime: 1,
  last_updated_datetime: 2,
  last_login_datetime: null,
  last_active_time: 3,
  connect_address: 'mqtt.example',
  ssl_connect_address: 'mqtts.example',
  client_ip: null,
  keep_alive: '60',
  session_replica: null,
  version: null,
  revision: 9,
  product_key: 'pk7',
  product_name: 'Pumps',
  manufacturer_id: 'acme',
  model: 'P1',
  protocol_type: 4,
  product_type: 0,
  extend_protocol_name: null,
  parent_device_name: null,
};

describe('toDevice', () => {
  const device = toDevice(record, ['b', 'a'], 'instance-1');

  it('leaves out optional fields that are not set, instead of sending null', () => {
    for (const key of ['parent_device_id', 'parent_device_name', 'last_login_datetime', 'client_ip', 'version']) {
      expect(device).not.toHaveProperty(key);
    }
    expect(device.product).not.toHaveProperty('extend_protocol_name');
    expect(device).toMatchObject({ last_active_time: 3, keep_alive: '60' });
  });

  it('keeps the known permissions of the comma list and drops blanks and unknown ones', () => {
    expect(device.permissions).toEqual(['read', 'modify']);
  });

  it('derives the other documents’ identities and the flags', () => {
    expect(device).toMatchObject({
      id: 42,
      device_id: 42,
      device_type: 0,
      iotda_device_id: '7_node_with_underscores',
      instance_id: 'instance-1',
      frozen: true,
      connected: false,
      mirrored: true,
      tags: ['b', 'a'],
      product: { product_id: 7, product_name: 'Pumps', protocol_type: 4, product_type: 0, manufacturer_id: 'acme', model: 'P1' },
    });
  });

  it('sends the authentication user name and nothing secret', () => {
    expect(device.authentication).toEqual({ user_name: 'AUTHUSER' });
    expect(JSON.stringify(device)).not.toMatch(/sha256|secret|password|revision/);
  });

  it('satisfies the contract exactly', () => {
    expect(z.strictObject(deviceSchema.shape).parse(device)).toEqual(device);
  });

  it('includes the parent when there is one', () => {
    expect(toDevice({ ...record, parent_device_id: 41, parent_device_name: 'gw' }, [], 'i')).toMatchObject({
      parent_device_id: 41,
      parent_device_name: 'gw',
    });
  });
});
