import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleSchema, type Role, type UpdateUserBody, type User } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { getSession } from '@/web/api/session';
import { updateUser, userQueries } from '@/web/api/users';
import { formatDateTime } from '@/web/lib/format';
import { ROLE_NAMES } from '@/web/lib/role-names';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { CreateUserDialog } from '@/web/features/users/create-user-dialog';
import { PasswordDialog } from '@/web/features/users/password-dialog';
import { ROLE_HINTS } from '@/web/features/users/role-labels';
import '@/web/components/data-table.css';
import '@/web/features/users/users.css';

/** /users: the workspace's users, their roles, who is disabled; admins only. */
export default function UsersPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Users`);
  const blocked = roleReason(useRole(), 'admin', t`manage users`);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>
            <Trans>Users</Trans>
          </h1>
          <p className="page-subtitle">
            <Trans>Who may sign in to this workspace, and what each role lets them do.</Trans>
          </p>
        </div>
      </div>
      {blocked ? <p className="card users-blocked">{blocked}</p> : <UserList />}
    </div>
  );
}

function UserList() {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const query = useQuery(userQueries.list());
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const change = useMutation({
    mutationFn: ({ username, body }: { username: string; body: UpdateUserBody }) => updateUser(username, body),
    onMutate: () => setNotice(''),
    onSuccess: (user) => {
      const name = user.username;
      const role = i18n._(ROLE_NAMES[user.role]);
      setNotice(user.disabled ? t`${name}: ${role}, disabled. Their sessions were signed out.` : t`${name}: ${role}. Their sessions were signed out.`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
  const me = getSession()?.user;
  const roles = roleSchema.options.map((role) => {
    const name = i18n._(ROLE_NAMES[role]);
    const hint = i18n._(ROLE_HINTS[role]);
    return t`${name}: ${hint}.`;
  });
  const done = (message: string) => {
    setCreating(false);
    setResetting(null);
    setNotice(message);
  };
  return (
    <section className="card users-card" aria-label={t`Users`}>
      <div className="users-toolbar">
        <p className="cell-muted">{roles.join(' ')}</p>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <Trans>New user…</Trans>
        </button>
      </div>
      <p role="status" className={notice ? 'page-notice' : 'visually-hidden'}>
        {notice}
      </p>
      {change.isError && (
        <p role="alert" className="form-alert">
          <Trans>Not changed: {{ reason: describeError(change.error) }}</Trans>
        </p>
      )}
      {query.isError && (
        <p role="alert">
          <Trans>The users could not be read: {{ reason: describeError(query.error) }}</Trans>
        </p>
      )}
      {query.data && (
        <div className="data-table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">
              <Trans>Users of the workspace</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>User</Trans>
                </th>
                <th scope="col">
                  <Trans>Role</Trans>
                </th>
                <th scope="col">
                  <Trans>State</Trans>
                </th>
                <th scope="col">
                  <Trans>Created</Trans>
                </th>
                <th scope="col">
                  <Trans>Actions</Trans>
                </th>
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
  const { t, i18n } = useLingui();
  const name = user.username;
  return (
    <tr>
      <td>
        {name}
        {self && (
          <span className="cell-muted">
            {' '}
            <Trans>(you)</Trans>
          </span>
        )}
      </td>
      <td>
        <select aria-label={t`Role of ${name}`} value={user.role} disabled={busy} onChange={(event) => onChange({ role: event.target.value as Role })}>
          {roleSchema.options.map((role) => (
            <option key={role} value={role}>
              {i18n._(ROLE_NAMES[role])}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.disabled ? (
          <span className="user-disabled">
            <Trans>Disabled</Trans>
          </span>
        ) : (
          <Trans>Enabled</Trans>
        )}
      </td>
      <td>{formatDateTime(Date.parse(user.created_at))}</td>
      <td className="user-actions">
        <button type="button" className="button" disabled={busy} aria-label={user.disabled ? t`Enable ${name}` : t`Disable ${name}`} onClick={() => onChange({ disabled: !user.disabled })}>
          {user.disabled ? t`Enable` : t`Disable`}
        </button>
        <button type="button" className="button" aria-label={self ? t`Change your password` : t`Reset the password of ${name}`} onClick={onReset}>
          {self ? t`Change password…` : t`Reset password…`}
        </button>
      </td>
    </tr>
  );
}
