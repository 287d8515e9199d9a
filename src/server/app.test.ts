import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in and the request envelope', () => {
  it('answers 201 with the token in X-Subject-Token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username: 'admin', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-subject-token']).toMatch(/^[\w-]{40,}$/);
    expect(res.json()).toMatchObject({ token: { user: { name: 'admin' }, project: { id: 'default' } } });
  });

  it('refuses a wrong password and an unknown user alike, with 401', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username: 'admin', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error_msg).toBe(unknown.json().error_msg);
    expect(wrong.headers['x-subject-token']).toBeUndefined();
  });

  it('refuses malformed sign-in bodies with 400 in the ROMA envelope', async () => {
    for (const payload of ['{bad json', '{"username":1}', '[]']) {
      const res = await t.app.inject({ method: 'POST', url: '/v3/auth/tokens', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error_code: 'SCB.00000000', request_id: res.headers['x-request-id'] });
    }
  });

  it('answers an unknown API path with 404 in the envelope, never a stack trace', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v2/default/nothing-here', headers: { 'x-auth-token': await t.token() } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error_code: 'APIGW.0101' });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs one line per request, with its method, URL, status, time and request id, and no token', async () => {
    const lines: string[] = [];
    const logged = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, vault: t.vault, tokenTtlSeconds: 60, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    const token = await t.token();
    const res = await logged.inject({ method: 'GET', url: '/v2/default/link/instances/default/devices?limit=1', headers: { 'x-auth-token': token } });
    await logged.close();
    const forRequest = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.reqId === res.headers['x-request-id']);
    expect(forRequest).toHaveLength(1);
    expect(forRequest[0]).toMatchObject({ method: 'GET', url: '/v2/default/link/instances/default/devices?limit=1', statusCode: 200, msg: 'request' });
    expect(typeof forRequest[0]!.ms).toBe('number');
    expect(lines.join('\n')).not.toContain(token);
  });
});
