import { queryOptions } from '@tanstack/react-query';
import { listUsersResponseSchema, userSchema, type CreateUserBody, type SetPasswordBody, type UpdateUserBody, type User } from '@/contracts/operators';
import { apiFetch } from '@/web/api/client';

const USERS = '/console/v1/users';
const userPath = (username: string) => `${USERS}/${encodeURIComponent(username)}`;

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: userQueries.all(),
      queryFn: async ({ signal }) => (await apiFetch({ path: USERS, schema: listUsersResponseSchema, signal })).data.items,
    }),
};

export async function createUser(body: CreateUserBody): Promise<User> {
  return (await apiFetch({ method: 'POST', path: USERS, body, schema: userSchema })).data;
}

/** A role change or a disable: the service ends the user's tokens with it. */
export async function updateUser(username: string, body: UpdateUserBody): Promise<User> {
  return (await apiFetch({ method: 'PATCH', path: userPath(username), body, schema: userSchema })).data;
}

/** One's own password (with the current one), or, as admin, anyone's. */
export async function setPassword(username: string, body: SetPasswordBody): Promise<void> {
  await apiFetch({ method: 'PUT', path: `${userPath(username)}/password`, body });
}
