import type { SignInResponse } from '@/contracts/auth';
import type { Role } from '@/contracts/roles';

/** What a sign-in gives the tab: the token and the workspace the token belongs to. */
export interface Session {
  token: string;
  user: string;
  /** What the service lets this user do (DESIGN.md "Operators"); the console disables the rest, saying why. */
  role: Role;
  projectId: string;
  instanceId: string;
  orgId: string;
  expiresAt: string;
}

// sessionStorage: the token lives as long as the tab, is not shared with other tabs, and
// survives a reload. The workspace ids beside it are not secret; they name the API paths.
const STORAGE_KEY = 'device-console.session';
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cachedSession: Session | null = null;

function readRaw(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The current session, read from storage each time so a token removed elsewhere is noticed. */
export function getSession(): Session | null {
  const raw = readRaw();
  if (raw === cachedRaw) return cachedSession;
  cachedRaw = raw;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    // A session kept from before roles had none: it counts as the least, until the next sign-in.
    cachedSession = parsed && typeof parsed.token === 'string' && parsed.token ? ({ role: 'viewer', ...parsed } as Session) : null;
  } catch {
    cachedSession = null;
  }
  return cachedSession;
}

export function startSession(token: string, body: SignInResponse): Session {
  const { user, roles, project, instance, org, expires_at } = body.token;
  const session: Session = { token, user: user.name, role: roles[0]?.name ?? 'viewer', projectId: project.id, instanceId: instance.id, orgId: org.id, expiresAt: expires_at };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  listeners.forEach((notify) => notify());
  return session;
}

export function endSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((notify) => notify());
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
