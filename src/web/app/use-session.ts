import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '@/web/api/session';

export const useSession = () => useSyncExternalStore(subscribeSession, getSession);
