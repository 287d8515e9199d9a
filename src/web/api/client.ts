import { t } from '@lingui/core/macro';
import type { z } from 'zod/mini';
import { AUTH_TOKEN_HEADER, REQUEST_ID_HEADER } from '@/contracts/auth';
import { ApiError, CLIENT_ERROR_CODES } from '@/web/api/api-error';
import { endSession, getSession, type Session } from '@/web/api/session';
import { afterNextPaint } from '@/web/lib/after-next-paint';

export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest<S extends z.ZodMiniType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The zod contract of the answer (for EnOS: of `data`); omit for 204 answers. */
  schema?: S;
  signal?: AbortSignal;
  /** Sign-in sends no token, and its 401 means a wrong password rather than an ended session. */
  anonymous?: boolean;
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  requestId: string | undefined;
}

/** Long enough for a 1,000-id force-offline on a busy service, short enough to not hang a screen. */
export const DEFAULT_TIMEOUT_MS = 30_000;

let onUnauthorized: () => void = () => {};
/** The app decides where a 401 leads (sign-in with a return-to); the client only reports it. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Ends the tab's session and sends the operator to sign in; what the caller gets back says why. */
export function unauthorized(requestId?: string, message = t`Your session has ended. Sign in again.`): ApiError {
  endSession();
  onUnauthorized();
  return new ApiError({ status: 401, code: 'UNAUTHORIZED', message, requestId });
}

/** The signed-in workspace, whose ids every device path carries. */
export function currentSession(): Session {
  const session = getSession();
  if (!session) throw unauthorized();
  return session;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `path` with the set values of `query` as its search; also for calls that read their answer themselves. */
export function toUrl(path: string, query: ApiRequest<z.ZodMiniType>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Turns any non-success answer (ROMA/IoTDA body, EnOS body, or none) into an ApiError; also for calls that read their answer themselves. */
export function envelopeError(status: number, body: unknown, headerRequestId: string | undefined): ApiError | undefined {
  if (isRecord(body) && typeof body.error_code === 'string') {
    const requestId = typeof body.request_id === 'string' ? body.request_id : headerRequestId;
    return new ApiError({ status, code: body.error_code, message: String(body.error_msg ?? t`The request failed.`), requestId });
  }
  // EnOS reports failure in a 200 body: code 0 is the only success.
  if (isRecord(body) && typeof body.code === 'number' && typeof body.msg === 'string' && 'requestId' in body) {
    if (body.code === 0 && status < 400) return undefined;
    const requestId = typeof body.requestId === 'string' ? body.requestId : headerRequestId;
    return new ApiError({ status, code: String(body.code), message: body.msg, requestId });
  }
  if (status >= 400) {
    return new ApiError({ status, code: CLIENT_ERROR_CODES.http, message: t`The service answered HTTP ${status}.`, requestId: headerRequestId });
  }
  return undefined;
}

async function send(url: string, init: RequestInit, signal: AbortSignal | undefined, timeoutMs: number): Promise<Response> {
  // Our own controller joins the caller's cancel (React Query) and the timeout, telling them apart.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    // After the frame: the click that asked for this paints first, and the answer cannot arrive and
    // be rendered inside that frame (sort clicks on a 999-row page, mean Event Timing duration on
    // the bench machine: 29.9 -> 23.2 ms, worst 40 -> 32).
    await afterNextPaint();
    // Cancelled or timed out while waiting: fail as fetch would have.
    controller.signal.throwIfAborted();
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (timedOut) {
      const seconds = timeoutMs / 1000;
      throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.timeout, message: t`The service did not answer within ${seconds} s.` });
    }
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: t`The service cannot be reached. Check your connection and retry.` });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The one fetch of the console: auth header, timeout, envelopes to ApiError, answers parsed with the contracts. */
export async function apiFetch<S extends z.ZodMiniType = z.ZodMiniUndefined>(request: ApiRequest<S>): Promise<ApiResponse<z.output<S>>> {
  const { method = 'GET', path, query, body, schema, signal, anonymous = false, timeoutMs = DEFAULT_TIMEOUT_MS } = request;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!anonymous) headers[AUTH_TOKEN_HEADER] = currentSession().token;

  const init: RequestInit = { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) };
  const response = await send(toUrl(path, query), init, signal, timeoutMs);
  const headerRequestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const payload = await readBody(response);

  const failure = envelopeError(response.status, payload, headerRequestId);
  if (failure) {
    if (failure.status === 401 && !anonymous) throw unauthorized(failure.requestId);
    throw failure;
  }
  const isEnos = isRecord(payload) && typeof payload.code === 'number' && 'data' in payload;
  const content = isEnos ? payload.data : payload;
  if (!schema) return { data: undefined as z.output<S>, headers: response.headers, requestId: headerRequestId };
  const parsed = schema.safeParse(content);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: t`The service sent an answer the console does not understand.`,
      requestId: headerRequestId,
    });
  }
  return { data: parsed.data, headers: response.headers, requestId: headerRequestId };
}
