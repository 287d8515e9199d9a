import { expect, type APIRequestContext } from '@playwright/test';
import type { Role } from '../../src/contracts/operators';
import { authToken } from './api-token';

export interface TestUser {
  username: string;
  password: string;
}

/** A new user of the demo workspace with `role`, made by the admin through the API; unique to the run. */
export async function createUser(request: APIRequestContext, role: Role): Promise<TestUser> {
  const user = { username: `${role}-${Date.now().toString(36)}`, password: `a long ${role} password` };
  const res = await request.post('/console/v1/users', { data: { ...user, role }, headers: { 'x-auth-token': await authToken(request) } });
  expect(res.status()).toBe(201);
  return user;
}
