import { z } from 'zod/mini';
import { ApiError } from '@/web/api/api-error';
import { apiFetch, setUnauthorizedHandler } from '@/web/api/client';
import { getSession, startSession } from '@/web/api/session';

const signedIn = () =>
  startSession('tok-1', {
    token: {
      expires_at: '2030-01-01T00:00:00Z',
      issued_at: '2026-01-01T00:00:00Z',
      user: { name: 'admin' },
      roles: [{ name: 'admin' }],
      project: { id: 'default' },
      instance: { id: 'default' },
      org: { id: 'default' },
    },
  });

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn().mockResolvedValue(
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const schema = z.object({ ok: z.boolean() });

beforeEach(() => {
  sessionStorage.clear();
  signedIn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('apiFetch', () => {
  it('sends the token and parses the answer with the contract', async () => {
    const fetchMock = answer(200, { ok: true, extra: 1 }, { 'x-request-id': 'r-1' });
    vi.stubGlobal('fetch', fetchMock);
    const res = await apiFetch({ path: '/v2/x', query: { limit: 10, name: undefined }, schema });
    expect(res.data).toEqual({ ok: true });
    expect(res.requestId).toBe('r-1');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v2/x?limit=10');
    expect((init.headers as Record<string, string>)['x-auth-token']).toBe('tok-1');
  });

  it('maps the ROMA/IoTDA envelope with its HTTP status', async () => {
    vi.stubGlobal('fetch', answer(404, { error_code: 'ROMA.00110006', error_msg: 'The resource does not exist.', request_id: 'req-9' }));
    const error = await failureOf(apiFetch({ path: '/v2/x', schema }));
    expect(error).toMatchObject({ status: 404, code: 'ROMA.00110006', message: 'The resource does not exist.', requestId: 'req-9' });
  });

  it('maps an IoTDA envelope without request_id using the x-request-id header', async () => {
    vi.stubGlobal('fetch', answer(400, { error_code: 'IOTDA.000006', error_msg: 'Invalid input.' }, { 'x-request-id': 'hdr-1' }));
    const error = await failureOf(apiFetch({ path: '/v5/iot/default/devices/a/freeze', method: 'POST' }));
    expect(error).toMatchObject({ status: 400, code: 'IOTDA.000006', requestId: 'hdr-1' });
  });

  it('treats an EnOS 200 with code ≠ 0 as a failure', async () => {
    vi.stubGlobal('fetch', answer(200, { code: 11404, msg: 'Device cannot be found', requestId: 'enos-1', data: null }));
    const error = await failureOf(apiFetch({ path: '/connect-service/v2.4/devices', method: 'POST', schema: z.null() }));
    expect(error).toMatchObject({ status: 200, code: '11404', message: 'Device cannot be found', requestId: 'enos-1' });
  });

  it('returns the data of an EnOS success', async () => {
    vi.stubGlobal('fetch', answer(200, { code: 0, msg: 'OK', requestId: 'enos-2', data: { ok: true } }));
    const res = await apiFetch({ path: '/connect-service/v2.4/devices', method: 'POST', schema });
    expect(res.data).toEqual({ ok: true });
  });

  it('maps a network failure to status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failureOf(apiFetch({ path: '/v2/x', schema }));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('maps a timeout to status 0 and aborts the request', async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        seen = init.signal ?? undefined;
        return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }),
    );
    const pending = failureOf(apiFetch({ path: '/v2/x', schema, timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(5000);
    const error = await pending;
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT' });
    expect(seen?.aborted).toBe(true);
  });

  it('sends the request only once the next frame is painted', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const fetchMock = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    const pending = apiFetch({ path: '/v2/x', schema });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]!(performance.now());
    await expect(pending).resolves.toMatchObject({ data: { ok: true } });
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('sends nothing when cancelled before the next frame', async () => {
    const fetchMock = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    const controller = new AbortController();
    const pending = apiFetch({ path: '/v2/x', schema, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lets a caller cancel pass through as an abort, not an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))),
    );
    const controller = new AbortController();
    const pending = apiFetch({ path: '/v2/x', schema, signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.stubGlobal('fetch', answer(200, { ok: 'yes' }));
    const error = await failureOf(apiFetch({ path: '/v2/x', schema }));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('ends the session and reports a 401', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', answer(401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information', request_id: 'r' }));
    const error = await failureOf(apiFetch({ path: '/v2/x', schema }));
    expect(error.status).toBe(401);
    expect(handler).toHaveBeenCalledOnce();
    expect(getSession()).toBeNull();
  });

  it('does not end the session on a failed sign-in', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', answer(401, { error_code: 'APIGW.0301', error_msg: 'The username or password is incorrect.', request_id: 'r' }));
    const error = await failureOf(apiFetch({ path: '/v3/auth/tokens', method: 'POST', body: {}, anonymous: true, schema }));
    expect(error.message).toBe('The username or password is incorrect.');
    expect(handler).not.toHaveBeenCalled();
    expect(getSession()).not.toBeNull();
  });

  it('maps a bodiless 5xx to a generic HTTP error with the header request id', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad gateway', { status: 502, headers: { 'x-request-id': 'gw-1' } })));
    const error = await failureOf(apiFetch({ path: '/v2/x', schema }));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_ERROR', requestId: 'gw-1' });
  });
});
