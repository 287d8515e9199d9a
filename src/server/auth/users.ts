import type { Kysely } from 'kysely';
import type { CreateUserBody, Role, UpdateUserBody, User } from '@/contracts/operators';
import type { AuditTrail } from '../audit/audit-trail';
import { changedFields } from '../audit/audit-trail';
import { lockForUpdate, type DialectName } from '../db/dialect';
import { isUniqueViolation } from '../db/device-lookup';
import type { Database } from '../db/schema';
import { hashPassword } from './passwords';
import { revokeUserTokens } from './tokens';

type Store = { db: Kysely<Database>; dialect: DialectName };
interface UserRecord {
  id: number;
  username: string;
  role: Role;
  disabled: number;
  created_at: number;
}

const USER_COLUMNS = ['id', 'username', 'role', 'disabled', 'created_at'] as const;
const toUser = (row: UserRecord): User => ({ username: row.username, role: row.role, disabled: row.disabled === 1, created_at: new Date(Number(row.created_at)).toISOString() });

export async function listUsers(db: Kysely<Database>, workspaceId: string): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('workspace_id', '=', workspaceId).orderBy('username').execute();
  return rows.map(toUser);
}

export type UserOutcome = { ok: true; user: User } | { ok: false; reason: 'notFound' | 'exists' | 'lastAdmin' };

export async function createUser(store: Store, workspaceId: string, body: CreateUserBody, audit: AuditTrail): Promise<UserOutcome> {
  const passwordHash = await hashPassword(body.password);
  try {
    return await store.db.transaction().execute(async (trx): Promise<UserOutcome> => {
      const row = await trx
        .insertInto('users')
        .values({ workspace_id: workspaceId, username: body.username, password_hash: passwordHash, role: body.role, created_at: Date.now() })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await audit.record(trx, [{ action: 'user.create', target: body.username, after: { role: body.role } }]);
      return { ok: true, user: toUser(row) };
    });
  } catch (error) {
    // User names are unique across workspaces: sign-in names no workspace.
    if (!isUniqueViolation(error)) throw error;
    audit.rolledBack();
    return { ok: false, reason: 'exists' };
  }
}

/**
 * Changes a role or disables a user; either ends the user's tokens, so the change holds from their
 * next call on every replica. The last enabled admin of a workspace can be neither demoted nor
 * disabled: nobody could then manage its users.
 */
export function updateUser(store: Store, workspaceId: string, username: string, patch: UpdateUserBody, audit: AuditTrail): Promise<UserOutcome> {
  return store.db.transaction().execute(async (trx): Promise<UserOutcome> => {
    const admins = await lockForUpdate(
      store.dialect,
      trx.selectFrom('users').select(USER_COLUMNS).where('workspace_id', '=', workspaceId).where((eb) => eb.or([eb('username', '=', username), eb('role', '=', 'admin')])).orderBy('id'),
    ).execute();
    const user = admins.find((row) => row.username === username);
    if (!user) return { ok: false, reason: 'notFound' };
    const next = { role: patch.role ?? user.role, disabled: patch.disabled === undefined ? user.disabled : patch.disabled ? 1 : 0 };
    const stillAdmin = next.role === 'admin' && next.disabled === 0;
    const otherAdmins = admins.filter((row) => row.id !== user.id && row.role === 'admin' && row.disabled === 0);
    if (user.role === 'admin' && user.disabled === 0 && !stillAdmin && otherAdmins.length === 0) return { ok: false, reason: 'lastAdmin' };
    const change = changedFields({ role: user.role, disabled: user.disabled === 1 }, { role: next.role, disabled: next.disabled === 1 });
    if (Object.keys(change.after).length > 0) {
      await trx.updateTable('users').set(next).where('id', '=', user.id).execute();
      await revokeUserTokens(trx, user.id);
    }
    await audit.record(trx, [{ action: 'user.update', target: username, ...change }]);
    return { ok: true, user: toUser({ ...user, ...next }) };
  });
}

/** Sets a password and ends the user's other tokens (all of them when an admin sets someone else's). */
export async function setUserPassword(
  store: Store,
  workspaceId: string,
  user: { id: number; username: string },
  password: string,
  keepToken: string | undefined,
  audit: AuditTrail,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).where('workspace_id', '=', workspaceId).execute();
    await revokeUserTokens(trx, user.id, keepToken);
    await audit.record(trx, [{ action: 'user.setPassword', target: user.username }]);
  });
}
