import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@/contracts/operators';
import type { Database, WorkspaceRow } from '../db/schema';

export interface Session {
  userId: number;
  username: string;
  role: Role;
  workspace: WorkspaceRow;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Undefined for a token issued before the service kept it. */
  issuedAt: number | undefined;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueToken(db: Kysely<Database>, userId: number, workspaceId: string, ttlSeconds: number, now = Date.now()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlSeconds * 1000;
  await db.deleteFrom('tokens').where('expires_at', '<', now).execute();
  await db.insertInto('tokens').values({ token_hash: hashToken(token), user_id: userId, workspace_id: workspaceId, expires_at: expiresAt, issued_at: now }).execute();
  return { token, expiresAt };
}

/** Looks the token up in the database, so any replica can answer any request. A disabled user's token answers as none. */
export async function resolveToken(db: Kysely<Database>, token: string, now = Date.now()): Promise<Session | undefined> {
  if (token.length === 0 || token.length > 512) return undefined;
  const row = await db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'tokens.workspace_id')
    .select(['users.id as userId', 'users.username', 'users.role', 'tokens.expires_at as expiresAt', 'tokens.issued_at as issuedAt', 'workspaces.id', 'workspaces.name', 'workspaces.project_id', 'workspaces.instance_id', 'workspaces.org_id'])
    .where('tokens.token_hash', '=', hashToken(token))
    .where('tokens.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { userId, username, role, expiresAt, issuedAt, ...workspace } = row;
  return { userId, username, role, workspace, expiresAt: Number(expiresAt), issuedAt: issuedAt === null ? undefined : Number(issuedAt) };
}

/** Ends the token at once (sign-out): every replica refuses it from the next call. Answers whether it was live. */
export async function revokeToken(db: Kysely<Database> | Transaction<Database>, token: string): Promise<boolean> {
  const result = await db.deleteFrom('tokens').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every token of a user (disabled, role changed, password reset), but `keep` (the caller's own, changing their own password). */
export async function revokeUserTokens(db: Kysely<Database> | Transaction<Database>, userId: number, keep?: string): Promise<void> {
  await db
    .deleteFrom('tokens')
    .where('user_id', '=', userId)
    .$if(keep !== undefined, (q) => q.where('token_hash', '<>', hashToken(keep ?? '')))
    .execute();
}
