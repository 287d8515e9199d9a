import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Database, WorkspaceRow } from './schema';

/** The demo workspace of DESIGN.md: ROMA project/instance, IoTDA project and EnOS org are all `default`. */
export const DEFAULT_WORKSPACE: WorkspaceRow = {
  id: 'default',
  name: 'Demo fleet',
  project_id: 'default',
  instance_id: 'default',
  org_id: 'default',
};

export async function ensureWorkspace(db: Kysely<Database>, workspace: WorkspaceRow = DEFAULT_WORKSPACE): Promise<void> {
  const existing = await db.selectFrom('workspaces').select('id').where('id', '=', workspace.id).executeTakeFirst();
  if (!existing) await db.insertInto('workspaces').values(workspace).execute();
}

/**
 * Creates the user on first start. Returns the password only when it was generated here,
 * so the caller can print it once.
 */
export async function ensureUser(
  db: Kysely<Database>,
  username: string,
  password: string | undefined,
  workspaceId = DEFAULT_WORKSPACE.id,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing) return { created: false };
  const chosen = password ?? randomBytes(12).toString('base64url');
  await db
    .insertInto('users')
    .values({ workspace_id: workspaceId, username, password_hash: await hashPassword(chosen), created_at: Date.now() })
    .execute();
  return password ? { created: true } : { created: true, generatedPassword: chosen };
}
