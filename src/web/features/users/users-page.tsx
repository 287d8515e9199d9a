import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleSchema, type Role, type UpdateUserBody, type User } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { getSession } from '@/web/api/session';
import { updateUser, userQueries } from '@/web/api/users';
import { formatDateTime } from '@/web/lib/format';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { CreateUserDialog } from '@/web/features/users/create-user-dialog';
import { PasswordDialog } from '@/web/features/users/password-dialog';
import { ROLE_HINTS, ROLE_LABELS } from '@/web/features/users/role-labels';
import '@/web/components/data-table.css';
import '@/web/features/users/users.css';

/** /users: the workspace's users, their roles, who is disabled; admins only. */
export default function UsersPage() {
  useDocumentTitle('Users');
  const blocked = roleReason(useRole(), 'admin', 'manage users');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="page-subtitle">Who may sign in to this workspace, and what each role lets them do.</p>
        </div>
      </div>
      {blocked ? <p className="card users-blocked">{blocked}</p> : <UserList />}
    </div>
  );
}

function UserList() {
  const queryClient = useQueryClient();
  const query = useQuery(userQueries.list());
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const change = useMutation({
    mutationFn: ({ username, body }: { username: string; body: UpdateUserBody }) => updateUser(username, body),
    onMutate: () => setNotice(''),
    onSuccess: (user) => setNotice(`${user.username}: ${ROLE_LABELS[user.role]}${user.disabled ? ', disabled' : ''}. Their sessions were signed out.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
  const me = getSession()?.user;
  const done = (message: string) => {
    setCreating(false);
    setResetting(null);
    setNotice(message);
  };
  return (
    <section className="card users-card" aria-label="Users">
      <div className="users-toolbar">
        <p className="cell-muted">
          {roleSchema.options.map((role) => `${ROLE_LABELS[role]}: ${ROLE_HINTS[role]}.`).join(' ')}
        </p>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New user…
        </button>
      </div>
      <p role="status" className={notice ? 'page-notice' : 'visually-hidden'}>
        {notice}
      </p>
      {change.isError && (
        <p role="alert" className="form-alert">
          Not changed: {describeError(change.error)}
        </p>
      )}
      {query.isError && <p role="alert">The users could not be read: {describeError(query.error)}</p>}
      {query.data && (
        <div className="data-table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Users of the workspace</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((user) => (
                <UserRow key={user.username} user={user} self={user.username === me} busy={change.isPending} onChange={(body) => change.mutate({ username: user.username, body })} onReset={() => setResetting(user.username)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateUserDialog onClose={() => setCreating(false)} onDone={done} />}
      {resetting && <PasswordDialog username={resetting} own={resetting === me} onClose={() => setResetting(null)} onDone={done} />}
    </section>
  );
}

interface UserRowProps {
  user: User;
  self: boolean;
  busy: boolean;
  onChange: (body: UpdateUserBody) => void;
  onReset: () => void;
}

function UserRow({ user, self, busy, onChange, onReset }: UserRowProps) {
  return (
    <tr>
      <td>
        {user.username}
        {self && <span className="cell-muted"> (you)</span>}
      </td>
      <td>
        <select aria-label={`Role of ${user.username}`} value={user.role} disabled={busy} onChange={(event) => onChange({ role: event.target.value as Role })}>
          {roleSchema.options.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? <span className="user-disabled">Disabled</span> : 'Enabled'}</td>
      <td>{formatDateTime(Date.parse(user.created_at))}</td>
      <td className="user-actions">
        <button type="button" className="button" disabled={busy} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`} onClick={() => onChange({ disabled: !user.disabled })}>
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" className="button" aria-label={self ? 'Change your password' : `Reset the password of ${user.username}`} onClick={onReset}>
          {self ? 'Change password…' : 'Reset password…'}
        </button>
      </td>
    </tr>
  );
}
