import { expect, type APIRequestContext } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER } from './config';

let token: string | undefined;

/** The admin's token for a spec's own API calls, signed in once per worker. */
export async function authToken(request: APIRequestContext): Promise<string> {
  if (token) return token;
  const res = await request.post('/v3/auth/tokens', { data: { username: ADMIN_USER, password: ADMIN_PASSWORD } });
  expect(res.status()).toBe(201);
  token = res.headers()['x-subject-token'];
  if (!token) throw new Error('sign-in sent no token');
  return token;
}
