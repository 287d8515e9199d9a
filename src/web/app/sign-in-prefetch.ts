import { getSession } from '@/web/api/session';

export const loadSignInPage = () => import('@/web/features/auth/sign-in/sign-in-page');

// A signed-out tab shows sign-in first, so its chunks are asked for as the console's script starts
// to run (main.tsx imports this module first), not once React has started and redirected there.
if (!getSession()) void loadSignInPage();
