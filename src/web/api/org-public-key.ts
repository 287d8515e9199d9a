import { queryOptions } from '@tanstack/react-query';
import { publicKeyResponseSchema, type PublicKeyResponse } from '@/contracts/console';
import { isApiError } from '@/web/api/api-error';
import { apiFetch, currentSession } from '@/web/api/client';

const publicKeyPath = () => `/console/v1/orgs/${encodeURIComponent(currentSession().orgId)}/public-key`;

/** The organisation's registered public key, or null when none is registered yet (404). */
export async function getOrgPublicKey(signal?: AbortSignal): Promise<PublicKeyResponse | null> {
  try {
    const { data } = await apiFetch({ path: publicKeyPath(), schema: publicKeyResponseSchema, signal });
    return data;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Registers (or replaces) the organisation's RSA public key, an SPKI PEM; the service answers 204. */
export async function registerOrgPublicKey(publicKeyPem: string): Promise<void> {
  await apiFetch({ method: 'PUT', path: publicKeyPath(), body: { publicKey: publicKeyPem } });
}

// A public key is not a secret, so it may sit in the query cache like any other answer.
export const orgPublicKeyQuery = () =>
  queryOptions({ queryKey: ['org-public-key', currentSession().orgId] as const, queryFn: ({ signal }) => getOrgPublicKey(signal) });
