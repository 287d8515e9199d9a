import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@/contracts/operators';
import { useAppWithProduct } from '../test-support/app-with-product';
import { auditRecordsAfter, lastAuditId, signedInAs } from '../test-support/operators';
import { TEST_PASSWORD } from '../test-support/test-app';

describe('users and their roles (DESIGN.md "Operators")', () => {
  const ctx = useAppWithProduct();
  let admin = '';
  beforeAll(async () => {
    admin = (await signedInAs(ctx.t, 'admin')).token;
  });
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: object) =>
    ctx.t.app.inject({ method, url, headers: { 'x-auth-token': token }, ...(payload && { payload }) });
  const signIn = (username: string, password = TEST_PASSWORD) => ctx.t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username, password } });
  const stillValid = async (token: string) => (await call('GET', '/console/v1/users', token)).statusCode !== 401;

  it('creates a user with a role, who then signs in with it', async () => {
    const created = await call('POST', '/console/v1/users', admin, { username: 'ops.anna', password: 'a long password here', role: 'operator' });
    expect(created.statusCode).toBe(201);
    expect(created.json<User>()).toMatchObject({ username: 'ops.anna', role: 'operator', disabled: false });
    const token = await signIn('ops.anna', 'a long password here');
    expect(token.json<{ token: { roles: unknown } }>().token.roles).toEqual([{ name: 'operator' }]);
    const list = await call('GET', '/console/v1/users', admin);
    expect(list.json<{ items: User[] }>().items.find((u) => u.username === 'ops.anna')?.role).toBe('operator');
  });

  it.each([
    [{ username: 'ok-name', password: 'short', role: 'viewer' }, 'password: A password has at least 12 characters.'],
    [{ username: 'bob.smith', password: 'i-am-bob.smith-really', role: 'viewer' }, 'password: The password must not contain the user name.'],
    [{ username: 'has space', password: 'a long password here', role: 'viewer' }, 'username: A user name may contain only letters, digits, dots, hyphens and underscores.'],
    [{ username: 'ok-name', password: 'a long password here', role: 'root' }, 'role:'],
  ])('refuses a bad user %j, saying why', async (body, message) => {
    const res = await call('POST', '/console/v1/users', admin, body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error_code: string; error_msg: string }>()).toMatchObject({ error_code: 'SCB.00000000', error_msg: expect.stringContaining(message) as string });
  });

  it('refuses a name that is taken with 409', async () => {
    const res = await call('POST', '/console/v1/users', admin, { username: 'admin', password: 'a long password here', role: 'viewer' });
    expect(res.statusCode).toBe(409);
  });

  it('ends the tokens of a user whose role changes or who is disabled, and refuses their sign-in while disabled', async () => {
    const user = await signedInAs(ctx.t, 'operator');
    expect((await call('PATCH', `/console/v1/users/${user.username}`, admin, { role: 'viewer' })).json<User>().role).toBe('viewer');
    expect(await stillValid(user.token)).toBe(false);
    const again = (await signIn(user.username)).headers['x-subject-token'] as string;
    expect((await call('PATCH', `/console/v1/users/${user.username}`, admin, { disabled: true })).json<User>().disabled).toBe(true);
    expect(await stillValid(again)).toBe(false);
    const refused = await signIn(user.username);
    expect(refused.statusCode).toBe(401);
    expect(refused.json<{ error_msg: string }>().error_msg).toContain('disabled');
  });

  it('keeps the last enabled admin of a workspace, and records the attempt', async () => {
    const acme = await ctx.t.token('acme-admin');
    const from = await lastAuditId(ctx.t);
    for (const patch of [{ role: 'operator' }, { disabled: true }]) {
      const res = await call('PATCH', '/console/v1/users/acme-admin', acme, patch);
      expect(res.statusCode).toBe(409);
      expect(res.json<{ error_msg: string }>().error_msg).toContain('at least one enabled admin');
    }
    expect(await stillValid(acme)).toBe(true);
    const records = await auditRecordsAfter(ctx.t, from);
    expect(records.map((r) => [r.workspace_id, r.action, r.result, r.target])).toEqual([
      ['acme', 'user.update', 'refused', 'acme-admin'],
      ['acme', 'user.update', 'refused', 'acme-admin'],
    ]);
  });

  it("does not let an admin reach another workspace's users", async () => {
    const res = await call('PATCH', '/console/v1/users/acme-admin', admin, { role: 'viewer' });
    expect(res.statusCode).toBe(404);
  });

  it('lets anyone change their own password with the current one, ending their other tokens but not this one', async () => {
    const user = await signedInAs(ctx.t, 'viewer');
    const other = (await signIn(user.username)).headers['x-subject-token'] as string;
    const url = `/console/v1/users/${user.username}/password`;
    expect((await call('PUT', url, user.token, { password: 'a new long password' })).statusCode).toBe(400);
    expect((await call('PUT', url, user.token, { currentPassword: 'wrong password', password: 'a new long password' })).statusCode).toBe(400);
    expect((await call('PUT', url, user.token, { currentPassword: TEST_PASSWORD, password: 'a new long password' })).statusCode).toBe(204);
    expect(await stillValid(other)).toBe(false);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/v2/default/link/instances/default/devices', headers: { 'x-auth-token': user.token } })).statusCode).toBe(200);
    expect((await signIn(user.username, 'a new long password')).statusCode).toBe(201);
  });

  it('lets an admin reset anyone\'s password without the current one, ending all their tokens', async () => {
    const user = await signedInAs(ctx.t, 'operator');
    expect((await call('PUT', `/console/v1/users/${user.username}/password`, admin, { password: 'reset by the admin' })).statusCode).toBe(204);
    expect(await stillValid(user.token)).toBe(false);
    expect((await signIn(user.username, 'reset by the admin')).statusCode).toBe(201);
  });

  it('slows down guessing of the current password as sign-in does', async () => {
    const user = await signedInAs(ctx.t, 'viewer');
    const url = `/console/v1/users/${user.username}/password`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await call('PUT', url, user.token, { currentPassword: `guess ${i}`, password: 'a new long password' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
