import { randomUUID } from 'node:crypto';
import type { Role } from '@/contracts/operators';
import { isApiPath } from '../app';
import { buildApp } from '../app';
import { ensureUser } from '../db/bootstrap';
import { TEST_PASSWORD, type TestApp } from './test-app';

/** A new user of workspace `default` with `role`, signed in. */
export async function signedInAs(t: TestApp, role: Role): Promise<{ username: string; token: string }> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  await ensureUser(t.db, username, TEST_PASSWORD);
  await t.db.updateTable('users').set({ role }).where('username', '=', username).execute();
  const res = await t.app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: { username, password: TEST_PASSWORD } });
  const token = res.headers['x-subject-token'];
  if (res.statusCode !== 201 || typeof token !== 'string') throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return { username, token };
}

export interface ApiRoute {
  method: string;
  url: string;
  role: Role | undefined;
  audited: boolean;
  public: boolean;
}

/** Every API route the app serves (HEAD twins left out), as the app itself registers them; `public` ones need no token. */
export async function apiRoutes(t: TestApp): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  const app = buildApp({ db: t.db, dialect: t.dialect, listIndex: t.listIndex, tokenTtlSeconds: 60, vault: t.vault, changeFeed: t.changeFeed });
  app.addHook('onRoute', (route) => {
    if (!isApiPath(route.url)) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, role: route.config?.role, audited: route.config?.audit !== undefined, public: route.config?.public === true });
    }
  });
  await app.ready();
  await app.close();
  return routes;
}

/** The audit records written since `afterId`, oldest first. */
export const auditRecordsAfter = (t: TestApp, afterId: number) =>
  t.db.selectFrom('audit_records').selectAll().where('id', '>', afterId).orderBy('id').execute();

export async function lastAuditId(t: TestApp): Promise<number> {
  const row = await t.db.selectFrom('audit_records').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
