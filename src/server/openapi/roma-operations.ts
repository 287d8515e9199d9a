import { forceOfflineBodySchema, forceOfflineResponseSchema, listDevicesQuerySchema, listDevicesResponseSchema, romaDevicePathSchema, romaInstancePathSchema, updateDeviceBodySchema } from '@/contracts/roma';
import { deviceSchema } from '@/contracts/device';
import { z } from 'zod/mini';
import type { Operation } from './operation';
import { DEVICE, FORCE_OFFLINE_REQUEST, FORCE_OFFLINE_RESPONSE, UPDATE_DEVICE_REQUEST } from './seed-examples';

const DEVICES = '/v2/{project_id}/link/instances/{instance_id}/devices';
const NO_INSTANCE = 'ROMA.00110002: the instance does not exist (or is another tenant\'s).';
const BAD = 'SCB.00000000: a parameter is not valid; the message names it and where (path, query, body).';
const NOT_FOUND = 'ROMA.00110006: the device does not exist.';
const ifMatch = z.object({
  'if-match': z.optional(z.string()).register(z.globalRegistry, { description: 'The ETag of the device as read: the change is refused with 412 if someone changed it since.' }),
});

/** ROMA Connect's device calls (001, 004) and "Querying Devices". */
export const ROMA_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: DEVICES,
    family: 'roma',
    tag: 'Devices (ROMA Connect)',
    operationId: 'listDevices',
    summary: 'Querying Devices',
    description: 'A page of the workspace\'s devices under the filter and sort. `fields` (ours) names the device fields to answer; all when absent. `Cache-Control: no-cache` asks for an answer read now rather than a kept one.',
    role: 'viewer',
    params: { path: romaInstancePathSchema, query: listDevicesQuerySchema },
    ok: { status: 200, description: 'The page, and the total under the filter.', schema: listDevicesResponseSchema, examples: { page: { summary: 'One device', value: { total: 1, size: 1, items: [DEVICE] } } } },
    errors: { 400: [BAD], 404: [NO_INSTANCE] },
  },
  {
    method: 'get',
    path: `${DEVICES}/{device_id}`,
    family: 'roma',
    tag: 'Devices (ROMA Connect)',
    operationId: 'showDevice',
    summary: 'Querying Device Details',
    description: 'The device, with its `ETag` (send it back in `If-Match` when modifying it).',
    role: 'viewer',
    params: { path: romaDevicePathSchema },
    ok: { status: 200, description: 'The device.', schema: deviceSchema, examples: { device: { summary: '001\'s example device, with the fields this service adds', value: DEVICE } } },
    errors: { 400: [BAD], 404: [NO_INSTANCE, NOT_FOUND] },
  },
  {
    method: 'put',
    path: `${DEVICES}/{device_id}`,
    family: 'roma',
    tag: 'Devices (ROMA Connect)',
    operationId: 'updateDevice',
    summary: 'Modifying a Device (001)',
    description: 'Disabling a device (`status` 1) also ends its live connection.',
    role: 'operator',
    params: { path: romaDevicePathSchema, header: ifMatch },
    body: { schema: updateDeviceBodySchema, examples: { seed: { summary: '001: Example Requests', value: UPDATE_DEVICE_REQUEST } } },
    ok: { status: 200, description: 'The device as changed, with its new `ETag`.', schema: deviceSchema, examples: { device: { summary: '001\'s example response, with the fields this service adds', value: DEVICE } } },
    errors: { 400: [BAD], 404: [NO_INSTANCE, NOT_FOUND], 412: ['ROMA.00110412: `If-Match` no longer names the device\'s revision.'] },
  },
  {
    method: 'post',
    path: `${DEVICES}/force-offline`,
    family: 'roma',
    tag: 'Devices (ROMA Connect)',
    operationId: 'forceDevicesOffline',
    summary: 'Bringing Multiple Devices Offline (004)',
    description: 'Up to 1,000 ids; each answered in `success` (its connection is closed before the answer) or `failed` with its reason.',
    role: 'operator',
    params: { path: romaInstancePathSchema },
    body: { schema: forceOfflineBodySchema, examples: { seed: { summary: '004: Example Requests', value: FORCE_OFFLINE_REQUEST } } },
    ok: { status: 200, description: 'Each id, succeeded or failed.', schema: forceOfflineResponseSchema, examples: { seed: { summary: '004: Example Responses', value: FORCE_OFFLINE_RESPONSE } } },
    errors: { 400: ['SCB.00000000: the body is not valid (`deviceDisconnectRequest`).'], 404: [NO_INSTANCE] },
  },
];
