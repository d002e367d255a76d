import { useState } from 'react';
import { useKodusApi, type KodusSession } from '../../kodusApi';
import { errorText } from '../../lib/errorText';
import { TitledPanel } from '../../ui/Panel';

/** Sign in to Kodus with the web app's email and password; the session goes to the keychain. */
export function KodusSignIn({ initial, onSignedIn }: { initial: KodusSession; onSignedIn: (s: KodusSession) => void }) {
  const api = useKodusApi();
  const [url, setUrl] = useState(initial.url || 'http://localhost:3001');
  const [email, setEmail] = useState(initial.email || '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <TitledPanel titleId="kodus-signin-title" title="Sign in to Kodus">
      <p className="muted small">
        Give Kodus’s API (port 3001 by default) or the address of its web app: the API behind the web app is found on its own. The password goes only to Kodus; the session is kept in your OS keychain
        and is never shown.
      </p>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError('');
          try {
            const s = await api.login({ url, email, password });
            setPassword('');
            onSignedIn(s);
          } catch (err) {
            setError(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label htmlFor="kodus-url">Kodus URL</label>
          <input id="kodus-url" className="input" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://localhost:3001" autoComplete="url" />
        </div>
        <div className="row">
          <div className="field row-fill">
            <label htmlFor="kodus-email">Email</label>
            <input id="kodus-email" className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" />
          </div>
          <div className="field row-fill">
            <label htmlFor="kodus-password">Password</label>
            <input id="kodus-password" className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          </div>
        </div>
        {error && (
          <div className="alert alert-err" role="alert" data-testid="kodus-signin-error">
            <div className="alert-title">Couldn’t sign in</div>
            {error}
          </div>
        )}
        <div>
          <button className="btn btn-primary" type="submit" disabled={busy || !url || !email || !password}>
            {busy ? <span className="spinner" /> : null} Sign in
          </button>
        </div>
      </form>
    </TitledPanel>
  );
}
