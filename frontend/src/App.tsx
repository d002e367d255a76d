import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useApi, type Catalog, type EnvInfo, type ProfileView, type SlotName } from './api';
import type { SlotTarget } from './features/slot-editor/SlotEditor';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { useLeave } from './lib/leaveGuard';
import type { ExportFocus } from './features/export/ExportView';
import { ProfilesView } from './features/profiles/ProfilesView';
import { errorText } from './lib/errorText';
import appIcon from './assets/appicon.svg';

// Views the first window does not show load when first opened.
const CatalogView = lazy(() => import('./features/catalog/CatalogView').then((m) => ({ default: m.CatalogView })));
const CostView = lazy(() => import('./features/cost/CostView').then((m) => ({ default: m.CostView })));
const ExportView = lazy(() => import('./features/export/ExportView').then((m) => ({ default: m.ExportView })));
const SystemView = lazy(() => import('./features/system/SystemView').then((m) => ({ default: m.SystemView })));
const KodusView = lazy(() => import('./features/kodus/KodusView').then((m) => ({ default: m.KodusView })));

// nonce remounts a view when its nav item is clicked again (back to its start).
type Route =
  | { view: 'profiles'; nonce?: number; saved?: string }
  | { view: 'catalog'; target: SlotTarget; nonce?: number }
  | { view: 'system'; nonce?: number }
  | { view: 'cost'; nonce?: number }
  | { view: 'export'; nonce?: number; profile?: string; focus?: ExportFocus }
  | { view: 'kodus'; nonce?: number };

const NAV: { view: Route['view']; label: string }[] = [
  { view: 'profiles', label: 'Profiles' },
  { view: 'catalog', label: 'Add a model' },
  { view: 'cost', label: 'Cost' },
  { view: 'export', label: 'Export' },
  { view: 'kodus', label: 'Kodus' },
  { view: 'system', label: 'System' },
];

/** The nav; without onNav (while starting) its items wait, disabled. */
function Sidebar({ current, env, onNav }: { current: Route['view']; env?: EnvInfo; onNav?: (view: Route['view']) => void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <img className="brand-mark" src={appIcon} alt="" />
        Kodus BYOK Studio
      </div>
      {NAV.map((n) => (
        <button key={n.view} className="nav-item" aria-current={current === n.view ? 'page' : undefined} disabled={!onNav} onClick={() => onNav?.(n.view)}>
          {n.label}
        </button>
      ))}
      {env && (
        <div className="sidebar-foot">
          <div data-testid="keychain-banner" title={`Keys are stored only in ${env.keychainDescription}; this app shows them masked.`}>
            <svg className="keychain-icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden>
              <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
            </svg>{' '}
            Keys in <strong>{env.keychainBackend || 'keychain'}</strong>
          </div>
          <div>{env.version}</div>
        </div>
      )}
    </nav>
  );
}

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
            setError(errorText(err));
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

/** Keeps the profile list current: on load, when the database changes on disk, and when the window gets focus. */
function useProfiles() {
  const api = useApi();
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [loadError, setLoadError] = useState('');
  const reload = useCallback(async () => {
    try {
      setProfiles(await api.profiles());
      setLoadError('');
    } catch (e) {
      // A failed load is shown as such, never as "no profiles".
      setLoadError(errorText(e));
    }
  }, [api]);
  useEffect(() => {
    const off = api.onProfilesChanged(() => void reload());
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      off();
      window.removeEventListener('focus', onFocus);
    };
  }, [api, reload]);
  return { profiles, loadError, reload };
}

export function App() {
  const api = useApi();
  const leave = useLeave();
  const [env, setEnv] = useState<EnvInfo | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [startError, setStartError] = useState('');
  const { profiles, loadError, reload } = useProfiles();
  const [route, setRoute] = useState<Route>({ view: 'profiles' });

  // The three start-up calls go out at once: one round trip to the backend, not three.
  useEffect(() => {
    Promise.all([api.environment(), api.catalog(), reload()])
      .then(([e, c]) => {
        setEnv(e);
        setCatalog(c);
      })
      .catch((e) => setStartError(errorText(e)));
  }, [api, reload]);

  const newTarget = (): SlotTarget => ({
    profile: profiles.some((p) => p.name === 'default') ? '' : 'default',
    slot: 'main',
    fixed: false,
  });
  const chooseModel = (profile: string, slot: SlotName) => setRoute({ view: 'catalog', target: { profile, slot, fixed: true } });

  // Until the backend answers, the window already shows its frame: the
  // same layout, so nothing jumps when the data arrives.
  if (!env || !catalog) {
    return (
      <div className="shell">
        <Sidebar current="profiles" />
        <main className="main" aria-busy="true">
          <div className="page-head">
            <h1>Profiles</h1>
          </div>
          {startError ? (
            <div className="alert alert-err" role="alert">
              {startError}
            </div>
          ) : (
            <div className="muted" role="status">
              <span className="spinner" aria-hidden /> Loading your profiles…
            </div>
          )}
        </main>
      </div>
    );
  }

  return (
    <div className="shell">
      <Sidebar
        current={route.view}
        env={env}
        onNav={(view) => leave(() => setRoute(view === 'catalog' ? { view: 'catalog', target: newTarget(), nonce: Date.now() } : ({ view, nonce: Date.now() } as Route)))}
      />
      <main className="main">
        {env.error && (
          <div className="alert alert-err alert-spaced" role="alert">
            <div className="alert-title">The app’s data or keychain could not be opened</div>
            {env.error}
          </div>
        )}
        {startError && (
          <div className="alert alert-err alert-spaced" role="alert">
            {startError}
          </div>
        )}
        {env.keychainProblem && (
          <div className="alert alert-err alert-spaced" role="alert" data-testid="keychain-problem">
            <div className="alert-title">The keychain “{env.keychainBackend}” cannot be used on this machine</div>
            {env.keychainProblem}. Keys cannot be saved until you start the app with another backend; nothing falls back to a weaker store on its own.
          </div>
        )}
        <ErrorBoundary key={`${route.view}/${route.nonce ?? 0}`} onReset={() => setRoute({ view: 'profiles', nonce: Date.now() })}>
          <Suspense fallback={<span className="spinner" aria-label="Loading" />}>
            {route.view === 'profiles' && (
              <ProfilesView
                key={route.nonce ?? 0}
                catalog={catalog}
                env={env}
                profiles={profiles}
                loadError={loadError}
                justSaved={route.saved}
                reload={reload}
                onChooseModel={chooseModel}
                onNewProfile={() => setRoute({ view: 'catalog', target: newTarget() })}
                onExport={(profile, focus) => setRoute({ view: 'export', profile, focus, nonce: Date.now() })}
                onOpenKodus={() => setRoute({ view: 'kodus', nonce: Date.now() })}
              />
            )}
            {route.view === 'catalog' && (
              <CatalogView
                key={`${route.target.profile}/${route.target.slot}/${route.target.fixed}/${route.nonce ?? 0}`}
                catalog={catalog}
                profiles={profiles}
                target={route.target}
                onDone={async (saved) => {
                  await reload();
                  setRoute({ view: 'profiles', saved: saved?.name });
                }}
              />
            )}
            {route.view === 'system' && (
              <SystemView
                onLineChange={() => {
                  // Another Kodus release: its catalog, and profiles seen through it.
                  api.catalog().then(setCatalog, (e) => setStartError(errorText(e)));
                  void reload();
                }}
              />
            )}
            {route.view === 'cost' && <CostView key={route.nonce ?? 0} profiles={profiles} />}
            {route.view === 'export' && <ExportView key={route.nonce ?? 0} profiles={profiles} reload={reload} initialProfile={route.profile} focus={route.focus} />}
            {route.view === 'kodus' && <KodusView key={route.nonce ?? 0} profiles={profiles} />}
          </Suspense>
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
