import type { Device } from '@/contracts/device';
import type { SignInResponse } from '@/contracts/auth';
import { toDeviceRef, type DeviceRef } from '@/web/api/device-selection';
import { startSession } from '@/web/api/session';
import type { Role } from '@/contracts/roles';

/** A full device of 001 for component tests; override what the test is about. */
export function testDevice(overrides: Partial<Device> = {}): Device {
  return {
    permissions: ['read', 'access', 'delete', 'modify'],
    id: 42,
    device_id: 42,
    product: { product_id: 7, product_name: 'Pump controller', manufacturer_id: 'Hydrolink', model: 'PC-40', protocol_type: 0, product_type: 0 },
    device_name: 'pump-0042',
    instance_id: 'default',
    client_id: 'pump42_0_0',
    node_id: 'pump42',
    app_name: 'Demo app',
    app_id: 'demo-app',
    status: 0,
    online_status: 2,
    description: 'North hall',
    authentication: { user_name: 'pump42' },
    created_user: { user_id: '', user_name: 'admin' },
    last_updated_user: { user_id: '', user_name: 'admin' },
    tags: ['north'],
    created_datetime: 1_700_000_000_000,
    last_updated_datetime: 1_700_000_100_000,
    connect_address: '10.20.0.10',
    ssl_connect_address: '10.20.0.10',
    node_type: 0,
    device_type: 0,
    asset_id: 'a0000042',
    product_key: 'Pk7',
    device_key: 'pump42',
    iotda_device_id: '7_pump42',
    frozen: false,
    connected: false,
    mirrored: false,
    ...overrides,
  };
}

/** Selection references to `count` devices with ids 1..count, named d1, d2…, each online and modifiable. */
export const testDeviceRefs = (count: number, overrides: (id: number) => Partial<Device> = () => ({})): DeviceRef[] =>
  Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    return toDeviceRef(testDevice({ id, device_id: id, device_name: `d${id}`, iotda_device_id: `p_${id}`, online_status: 1, ...overrides(id) }));
  });

const signIn: SignInResponse = {
  token: {
    expires_at: '2030-01-01T00:00:00Z',
    issued_at: '2026-01-01T00:00:00Z',
    user: { name: 'admin' },
    roles: [{ name: 'admin' }],
    project: { id: 'default' },
    instance: { id: 'default' },
    org: { id: 'default' },
  },
};

/** The API paths need a signed-in workspace; an admin's unless `role` says otherwise. */
export const startTestSession = (role: Role = 'admin') => startSession('tok-test', { token: { ...signIn.token, roles: [{ name: role }] } });

/** A JSON answer as the service sends it, with its request id and, for a device, its ETag. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-test', ...headers } });
}
