import { z } from 'zod/mini';
import { deviceLocatorSchema, ENOS_CODES, ENOS_MESSAGES, modifyDeviceStatusBodySchema, modifyDeviceStatusResponseSchema, orgQuerySchema, replaceDeviceBodySchema, replaceDeviceResponseSchema } from '@/contracts/enos';
import type { Operation } from './operation';
import { MODIFY_STATUS_REQUEST, MODIFY_STATUS_RESPONSE, REPLACE_DEVICE_REQUEST, REPLACE_DEVICE_RESPONSE } from './seed-examples';

// 000 and 002 share one path and differ in `?action=`; OpenAPI allows one operation per path and method, so both are one here.
const query = z.extend(z.extend(orgQuerySchema, { action: z.enum(['modifyDeviceStatus', 'replaceDevice']) }), deviceLocatorSchema.shape);

const codes = [
  `${ENOS_CODES.deviceNotFound}: ${ENOS_MESSAGES.deviceNotFound}`,
  `${ENOS_CODES.invalidArguments}: ${ENOS_MESSAGES.invalidArguments} (the message says which: ${ENOS_MESSAGES.deviceInfoInvalid} / ${ENOS_MESSAGES.statusNotAllowed('{status}')} / ${ENOS_MESSAGES.connected} / ${ENOS_MESSAGES.mirrored} / ${ENOS_MESSAGES.disabled})`,
  `${ENOS_CODES.deviceKeyRepetitive}: ${ENOS_MESSAGES.deviceKeyRepetitive} (replaceDevice)`,
  `${ENOS_CODES.deviceKeyExisted}: ${ENOS_MESSAGES.deviceKeyExisted} (replaceDevice)`,
  `${ENOS_CODES.publicKeyNotFound}: ${ENOS_MESSAGES.publicKeyNotFound} (replaceDevice with requireSecret)`,
];

/** EnOS Connection Service: Modify Device Status (000) and Replace Device (002). */
export const ENOS_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/connect-service/v2.4/devices',
    family: 'enos',
    tag: 'Devices (EnOS)',
    operationId: 'enosDeviceAction',
    summary: 'Modify Device Status (000) · Replace Device (002)',
    description: [
      '`action=modifyDeviceStatus` (000, role operator): the body names the device and its displayed status; the live connection is neither made nor ended.',
      '`action=replaceDevice` (002, role admin): the query names the device, the body its new key; the old credentials stop working and the device is disconnected. With `requireSecret`, the new secret comes back sealed for the org\'s public key.',
      `EnOS answers refusals with HTTP 200 and \`code\` in the body:\n\n${codes.map((c) => `- ${c}`).join('\n')}`,
    ].join('\n\n'),
    role: 'operator',
    params: { query },
    body: {
      schema: z.union([modifyDeviceStatusBodySchema, replaceDeviceBodySchema]),
      examples: {
        modifyDeviceStatus: { summary: '000: Request Sample', value: MODIFY_STATUS_REQUEST },
        replaceDevice: { summary: '002: Request Sample', value: REPLACE_DEVICE_REQUEST },
      },
    },
    ok: {
      status: 200,
      description: 'Done (`code` 0) or refused (`code` names why).',
      schema: z.union([modifyDeviceStatusResponseSchema, replaceDeviceResponseSchema]),
      examples: {
        modifyDeviceStatus: { summary: '000: Return Sample', value: MODIFY_STATUS_RESPONSE },
        replaceDevice: { summary: '002: Return Sample', value: REPLACE_DEVICE_RESPONSE },
      },
    },
    errors: {},
  },
];
