import type { SignInResponse } from '@/contracts/auth';
import { getSession, startSession } from '@/web/api/session';

const answer = (roles: SignInResponse['token']['roles']): SignInResponse => ({
  token: {
    expires_at: '2030-01-01T00:00:00Z',
    issued_at: '2026-01-01T00:00:00Z',
    user: { name: 'olga' },
    roles,
    project: { id: 'p' },
    instance: { id: 'i' },
    org: { id: 'o' },
  },
});

afterEach(() => sessionStorage.clear());

it("keeps the token's role", () => {
  expect(startSession('tok', answer([{ name: 'operator' }])).role).toBe('operator');
  expect(getSession()).toMatchObject({ token: 'tok', user: 'olga', role: 'operator', projectId: 'p', instanceId: 'i' });
});

it('counts a token without a role, and a session kept from before roles, as a viewer', () => {
  expect(startSession('tok', answer([])).role).toBe('viewer');
  sessionStorage.setItem('device-console.session', JSON.stringify({ token: 'old', user: 'olga', projectId: 'p', instanceId: 'i', orgId: 'o', expiresAt: '2030-01-01T00:00:00Z' }));
  expect(getSession()?.role).toBe('viewer');
});
