import { useCallback, useEffect, useState } from 'react';
import type { ProfileView } from '../../api';
import { useKodusApi, type KodusSession, type KodusStatusView } from '../../kodusApi';
import { KodusSignIn } from './KodusSignIn';
import { KodusStatusPanel } from './KodusStatusPanel';
import { KodusEnvPanel } from './KodusEnvPanel';
import { KodusApplyPanel } from './KodusApplyPanel';
import { errorText } from '../../lib/errorText';
import { PageHead } from '../../ui/PageHead';

/** Connect to the Kodus the user runs: sign in, see what it uses, apply a profile. */
export function KodusView({ profiles }: { profiles: ProfileView[] }) {
  const api = useKodusApi();
  const [session, setSession] = useState<KodusSession | null>(null);
  const [status, setStatus] = useState<KodusStatusView | null>(null);
  const [statusError, setStatusError] = useState('');
  const [loading, setLoading] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);

  const refresh = useCallback(async () => {
    setLoading(true);
    setStatusError('');
    try {
      setStatus(await api.status());
    } catch (e) {
      setStatus(null);
      setStatusError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    api
      .session()
      .then((s) => {
        setSession(s);
        if (s.signedIn) void refresh();
      })
      .catch((e) => setStatusError(errorText(e)));
  }, [api, refresh]);

  return (
    <div className="stack">
      <PageHead title="Kodus">
        Connect to the Kodus you run: see which LLM it uses, and apply a profile — to its BYOK config through its API, or to the <code>.env</code> of its install (Fixed Mode). A BYOK config in Kodus
        takes precedence over the <code>.env</code>.
      </PageHead>
      {session && !session.signedIn && (
        <KodusSignIn
          initial={session}
          onSignedIn={(s) => {
            setSession(s);
            setNotes([]);
            void refresh();
          }}
        />
      )}
      {session?.signedIn && (
        <section className="panel stack" aria-labelledby="kodus-session-title">
          <div className="spread">
            <div>
              <h2 className="heading-flush" id="kodus-session-title">
                What Kodus uses
              </h2>
              <div className="muted small" data-testid="kodus-signed-in">
                Signed in to <code>{session.url}</code> as {session.email}
                {session.apiBase !== session.url && (
                  <>
                    {' '}
                    (API behind the web app: <code>{session.apiBase}</code>)
                  </>
                )}
              </div>
            </div>
            <div className="row">
              <button className="btn btn-sm" onClick={() => void refresh()} disabled={loading}>
                {loading ? <span className="spinner" /> : null} Refresh
              </button>
              <button
                className="btn btn-sm btn-ghost"
                onClick={async () => {
                  setNotes(await api.logout());
                  setStatus(null);
                  setSession(await api.session());
                }}
              >
                Sign out
              </button>
            </div>
          </div>
          {statusError && (
            <div className="alert alert-err" role="alert" data-testid="kodus-status-error">
              <div className="alert-title">Couldn’t read Kodus’s status</div>
              {statusError}
            </div>
          )}
          {status && <KodusStatusPanel view={status} />}
        </section>
      )}
      {session?.signedIn && profiles.length > 0 && <KodusApplyPanel profiles={profiles} onApplied={() => void refresh()} />}
      {notes.map((n) => (
        <div key={n} className="alert alert-warn small">
          {n}
        </div>
      ))}
      <KodusEnvPanel profiles={profiles} signedIn={!!session?.signedIn} onApplied={() => session?.signedIn && void refresh()} />
    </div>
  );
}
