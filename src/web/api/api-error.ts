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

/** A sentence for the operator: the message, and the request id support will ask for. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.';
  return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
}
