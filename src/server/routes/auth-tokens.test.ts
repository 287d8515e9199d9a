import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '@/contracts/auth';
import { openEventStream } from '../test-support/event-stream-reader';
import { createTestApp, type TestApp } from '../test-support/test-app';

const TOKENS = '/v3/auth/tokens';
const LIST = '/v2/default/link/instances/default/devices';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'DELETE', url: string, auth: string, subject?: string) =>
  t.app.inject({ method, url, headers: { 'x-auth-token': auth, ...(subject !== undefined && { 'x-subject-token': subject }) } });

describe('a token, looked at and revoked (IAM "validate" and "revoke")', () => {
  it('answers a token of the workspace with its user, workspace and times', async () => {
    const [caller, subject] = [await t.token(), await t.token()];
    const res = await call('GET', TOKENS, caller, subject);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-subject-token']).toBe(subject);
    const { token } = signInResponseSchema.parse(res.json());
    expect(token).toMatchObject({ user: { name: 'admin' }, project: { id: 'default' }, instance: { id: 'default' }, org: { id: 'default' } });
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(3_600_000);
  });

  it('refuses a missing subject with 400, and an unknown or another workspace’s token as missing (404)', async () => {
    const caller = await t.token();
    expect((await call('GET', TOKENS, caller)).json()).toMatchObject({ error_code: 'SCB.00000000' });
    for (const subject of ['not-a-token', await t.token('acme-admin')]) {
      const res = await call('GET', TOKENS, caller, subject);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error_code: 'ROMA.00110006', request_id: res.headers['x-request-id'] });
    }
    expect((await call('GET', TOKENS, 'garbage', caller)).statusCode).toBe(401);
  });

  it('revokes a token with 204: it is refused from the next call, and revoking it again is 404', async () => {
    const [caller, signedOut] = [await t.token(), await t.token()];
    expect((await call('GET', LIST, signedOut)).statusCode).toBe(200);
    expect((await call('DELETE', TOKENS, signedOut, signedOut)).statusCode).toBe(204);
    expect((await call('GET', LIST, signedOut)).statusCode).toBe(401);
    expect((await call('DELETE', TOKENS, caller, signedOut)).statusCode).toBe(404);
    expect((await call('GET', LIST, caller)).statusCode).toBe(200);
  });

  it('ends an open event stream once its token is revoked', async () => {
    const token = await t.token();
    const stream = await openEventStream(`${baseUrl}/console/v1/projects/default/instances/default/events`, token);
    await stream.next((event) => event.event === 'summary');
    let ended = false;
    void stream.ended.then(() => (ended = true));
    expect((await call('DELETE', TOKENS, token, token)).statusCode).toBe(204);
    await expect.poll(() => ended, { timeout: 8_000, interval: 100 }).toBe(true);
  });
});
