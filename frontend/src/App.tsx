import { useCallback, useEffect, useState } from 'react';
import { useApi, type Catalog, type EnvInfo, type ProfileView, type SlotName } from './api';
import type { SlotTarget } from './components/SlotEditor';
import { ErrorBoundary } from './components/ErrorBoundary';
import { CatalogView } from './views/CatalogView';
import { CostView } from './views/CostView';
import { ExportView } from './views/ExportView';
import { KodusView } from './views/KodusView';
import { ProfilesView } from './views/ProfilesView';
import { SystemView } from './views/SystemView';

// nonce remounts a view when its nav item is clicked again (back to its start).
type Route = { view: 'profiles'; nonce?: number } | { view: 'catalog'; target: SlotTarget; nonce?: number } | { view: 'system'; nonce?: number } | { view: 'cost'; nonce?: number } | { view: 'export'; nonce?: number } | { view: 'kodus'; nonce?: number };

const NAV: { view: Route['view']; label: string }[] = [
  { view: 'profiles', label: 'Profiles' },
  { view: 'catalog', label: 'Add a model' },
  { view: 'cost', label: 'Cost' },
  { view: 'export', label: 'Export' },
  { view: 'kodus', label: 'Kodus' },
  { view: 'system', label: 'System' },
];

function UnlockScreen({ env, onUnlocked }: { env: EnvInfo; onUnlocked: () => void }) {
  const api = useApi();
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  return (
    <div className="backdrop">
      <form
        className="dialog stack"
        aria-labelledby="unlock-title"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.unlockKeychain(pass);
            onUnlocked();
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      >
        <h2 id="unlock-title">Unlock the file keychain</h2>
        <p className="muted">Keys are kept in {env.keychainDescription}. Enter its passphrase (or start the app with KODUS_BYOK_KEYRING_PASSPHRASE set).</p>
        <input className="input" type="password" autoFocus aria-label="Passphrase" value={pass} onChange={(e) => setPass(e.target.value)} />
        {error && <div className="field-error">{error}</div>}
        <button className="btn btn-primary" type="submit">
          Unlock
        </button>
      </form>
    </div>
  );
}

export function App() {
  const api = useApi();
  const [env, setEnv] = useState<EnvInfo | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [loadError, setLoadError] = useState('');
  const [route, setRoute] = useState<Route>({ view: 'profiles' });

  const reload = useCallback(async () => {
    try {
      setProfiles(await api.profiles());
      setLoadError('');
    } catch (e) {
      // A failed load is shown as such, never as "no profiles" (Kodus gap 21).
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    void (async () => {
      setEnv(await api.environment());
      setCatalog(await api.catalog());
      await reload();
    })().catch((e) => setLoadError(String(e)));
  }, [api, reload]);

  const newTarget = (): SlotTarget => ({
    profile: profiles.length === 0 ? 'default' : '',
    slot: 'main',
    fixed: false,
  });
  const chooseModel = (profile: string, slot: SlotName) => setRoute({ view: 'catalog', target: { profile, slot, fixed: true } });

  if (!env || !catalog) {
    return (
      <div className="main" aria-busy="true">
        <span className="spinner" /> Loading…
        {loadError && <div className="alert alert-err">{loadError}</div>}
      </div>
    );
  }

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            K
          </span>
          Kodus BYOK Studio
        </div>
        {NAV.map((n) => (
          <button
            key={n.view}
            className="nav-item"
            aria-current={route.view === n.view ? 'page' : undefined}
            onClick={() => setRoute(n.view === 'catalog' ? { view: 'catalog', target: newTarget(), nonce: Date.now() } : ({ view: n.view, nonce: Date.now() } as Route))}
          >
            {n.label}
          </button>
        ))}
        <div className="sidebar-foot">
          <div data-testid="keychain-banner" title={env.keychainDescription}>
            <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden style={{ verticalAlign: '-1px' }}>
              <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
            </svg>{' '}
            Keys in <strong>{env.keychainBackend || 'keychain'}</strong>
          </div>
          <div>{env.version}</div>
        </div>
      </nav>
      <main className="main">
        {env.error && (
          <div className="alert alert-err" role="alert" style={{ marginBottom: 16 }}>
            <div className="alert-title">The app’s data or keychain could not be opened</div>
            {env.error}
          </div>
        )}
        {env.keychainProblem && (
          <div className="alert alert-err" role="alert" style={{ marginBottom: 16 }} data-testid="keychain-problem">
            <div className="alert-title">The keychain “{env.keychainBackend}” cannot be used on this machine</div>
            {env.keychainProblem}. Keys cannot be saved until you start the app with another backend; nothing falls back to a weaker store on its own.
          </div>
        )}
        {!env.error && !env.keychainProblem && (
          <div className="alert alert-info small" style={{ marginBottom: 16 }} data-testid="keychain-info">
            Keys are stored in your OS keychain: <strong>{env.keychainDescription}</strong> (<code>{env.keychainBackend}</code>). This app never writes a key anywhere else; it shows only a masked form.
          </div>
        )}
        {loadError && (
          <div className="alert alert-err" role="alert" style={{ marginBottom: 16 }}>
            <div className="alert-title">Couldn’t load profiles</div>
            {loadError}
          </div>
        )}
        <ErrorBoundary key={`${route.view}/${route.nonce ?? 0}`} onReset={() => setRoute({ view: 'profiles', nonce: Date.now() })}>
        {route.view === 'profiles' && (
          <ProfilesView key={route.nonce ?? 0} catalog={catalog} profiles={profiles} reload={reload} onChooseModel={chooseModel} onNewProfile={() => setRoute({ view: 'catalog', target: newTarget() })} />
        )}
        {route.view === 'catalog' && (
          <CatalogView
            key={`${route.target.profile}/${route.target.slot}/${route.target.fixed}/${route.nonce ?? 0}`}
            catalog={catalog}
            profiles={profiles}
            target={route.target}
            onDone={async () => {
              await reload();
              setRoute({ view: 'profiles' });
            }}
          />
        )}
        {route.view === 'system' && (
          <SystemView
            onLineChange={() =>
              void (async () => {
                setCatalog(await api.catalog());
                await reload();
              })().catch((e) => setLoadError(String(e)))
            }
          />
        )}
        {route.view === 'cost' && <CostView key={route.nonce ?? 0} profiles={profiles} />}
        {route.view === 'export' && <ExportView key={route.nonce ?? 0} profiles={profiles} reload={reload} />}
        {route.view === 'kodus' && <KodusView key={route.nonce ?? 0} profiles={profiles} />}
        </ErrorBoundary>
      </main>
      {env.needsPassphrase && (
        <UnlockScreen
          env={env}
          onUnlocked={async () => {
            setEnv(await api.environment());
            await reload();
          }}
        />
      )}
    </div>
  );
}
