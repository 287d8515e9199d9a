import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { PublicKeyResponse } from '@/contracts/console';
import { useCallback, useEffect, useState } from 'react';
import { orgPublicKeyQuery } from '@/web/api/org-public-key';
import { createOrgKey } from '@/web/features/devices/key-replacement/create-org-key';
import { loadOrgKey, type StoredOrgKey } from '@/web/features/devices/key-replacement/org-key-store';

/**
 * Whether this browser can open secrets sealed for the organisation:
 * - `none`: the service has no key yet;
 * - `foreign`: the service's key was made elsewhere (or this browser lost its private half);
 * - `ready`: this browser holds the private half of the registered key.
 */
export type OrgKeyStatus =
  | { state: 'checking' }
  | { state: 'error'; error: unknown }
  | { state: 'none' }
  | { state: 'foreign'; fingerprint: string }
  | { state: 'ready'; key: StoredOrgKey };

export interface OrgKey {
  status: OrgKeyStatus;
  /** Creates a key pair here and registers it, replacing any key the service had. */
  create: () => Promise<void>;
  creating: boolean;
  createError: unknown;
  /** Asks the service again, after it said it has no key (11858). */
  recheck: () => void;
}

export function useOrgKey(orgId: string): OrgKey {
  const queryClient = useQueryClient();
  const service = useQuery(orgPublicKeyQuery());
  // The private key stays out of the query cache: it is read from IndexedDB into this dialog only.
  const [local, setLocal] = useState<LocalKey>();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    loadOrgKey(orgId).then(
      (key) => live && setLocal({ key }),
      (error: unknown) => live && setLocal({ error }),
    );
    return () => {
      live = false;
    };
  }, [orgId]);

  const create = useCallback(async () => {
    setCreating(true);
    setCreateError(undefined);
    try {
      const key = await createOrgKey(orgId);
      setLocal({ key });
      const registered: PublicKeyResponse = { publicKey: key.publicKeyPem, fingerprint: key.fingerprint };
      queryClient.setQueryData(orgPublicKeyQuery().queryKey, registered);
    } catch (error) {
      setCreateError(error);
    } finally {
      setCreating(false);
    }
  }, [orgId, queryClient]);

  const { refetch } = service;
  const recheck = useCallback(() => void refetch(), [refetch]);

  return { status: statusOf(service, local), create, creating, createError, recheck };
}

type LocalKey = { key: StoredOrgKey | undefined } | { error: unknown };

function statusOf(service: UseQueryResult<PublicKeyResponse | null>, local: LocalKey | undefined): OrgKeyStatus {
  if (service.isError) return { state: 'error', error: service.error };
  if (local && 'error' in local) return { state: 'error', error: local.error };
  if (service.isPending || !local) return { state: 'checking' };
  if (!service.data) return { state: 'none' };
  if (local.key?.fingerprint === service.data.fingerprint) return { state: 'ready', key: local.key };
  return { state: 'foreign', fingerprint: service.data.fingerprint };
}
