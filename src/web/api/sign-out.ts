import { AUTH_TOKEN_HEADER, SUBJECT_TOKEN_HEADER } from '@/contracts/auth';
import { apiFetch } from '@/web/api/client';
import { endSession, getSession } from '@/web/api/session';

/**
 * Ends the tab's session on the service (IAM "revoke token"), so the token is refused from then
 * on wherever it was copied to, then forgets it here. The tab signs out even when the service
 * cannot be reached: the token then lives until it expires, as it did before sign-out revoked.
 */
export async function signOut(): Promise<void> {
  const session = getSession();
  endSession();
  if (!session) return;
  // Sent as anonymous: the session is already gone from the tab, and a 401 here ends nothing more.
  const token = session.token;
  await apiFetch({ method: 'DELETE', path: '/v3/auth/tokens', headers: { [AUTH_TOKEN_HEADER]: token, [SUBJECT_TOKEN_HEADER]: token }, anonymous: true }).catch(() => undefined);
}
