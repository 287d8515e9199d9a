import { t } from '@lingui/core/macro';
import type { UpdateDeviceBody } from '@/contracts/roma';
import type { ApiError } from '@/web/api/api-error';

/** ROMA's code for a refused parameter; 001's message names it: "... Parameter is [device_name]. ..." */
export const BAD_PARAMETER_CODE = 'SCB.00000000';

export type EditField = keyof UpdateDeviceBody;
const FIELDS: readonly EditField[] = ['device_name', 'status', 'description', 'tags'];

/** The form field a SCB.00000000 refusal names (`tags[2]` is the tags field), or undefined when it names none. */
export function refusedField(error: ApiError): EditField | undefined {
  if (error.code !== BAD_PARAMETER_CODE) return undefined;
  const parameter = /Parameter is \[([^\]]+)\]/.exec(error.message)?.[1];
  const name = parameter?.replace(/\[\d+\]$/, '');
  return FIELDS.find((field) => field === name);
}

/** What the field says when the service refused its value: the code and the request id support asks for. */
export function refusalMessage(error: ApiError): string {
  const code = error.code;
  const requestId = error.requestId;
  return requestId ? t`The service refused this value (${code}, request id ${requestId}).` : t`The service refused this value (${code}).`;
}
