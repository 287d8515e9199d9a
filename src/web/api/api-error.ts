import { t } from '@lingui/core/macro';
import { explainRefusal } from '@/web/api/error-explanations';
/** Codes the client gives failures that never reached a vendor envelope. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  badResponse: 'BAD_RESPONSE',
  http: 'HTTP_ERROR',
} as const;

/**
 * Every failure of every API family, in one shape: ROMA/IoTDA `{error_code, error_msg}`,
 * EnOS `{code, msg}` (HTTP 200 with code ≠ 0), network failures and timeouts (status 0).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; requestId?: string | undefined }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The failure in the operator's language (see explainRefusal), with its code once it is explained. */
export function explainError(error: ApiError): string {
  const explained = explainRefusal(error.code, error.message);
  const code = error.code;
  return explained === error.message ? explained : t`${explained} (${code})`;
}

/** A sentence for the operator: what failed, and the request id support will ask for. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : t`Something went wrong.`;
  const message = explainError(error);
  const requestId = error.requestId;
  return requestId ? t`${message} (request id ${requestId})` : message;
}
