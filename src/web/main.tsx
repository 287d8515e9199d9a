import { StrictMode, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder until the console's pages land: signs in and greets the operator. */
function Placeholder() {
  const [signedIn, setSignedIn] = useState(false);
  const [error, setError] = useState('');
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await fetch('/v3/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    if (res.status === 201) setSignedIn(true);
    else setError('The user name or password is incorrect.');
  }
  if (signedIn) return <h1>Devices</h1>;
  return (
    <form onSubmit={onSubmit}>
      <h1>Sign in</h1>
      <label>
        User name <input name="username" autoComplete="username" />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" />
      </label>
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
