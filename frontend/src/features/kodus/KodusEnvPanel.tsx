import { useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../api';
import { useKodusApi, type KodusComposeLine, type KodusEnvPlan, type KodusEnvResult, type KodusFindResult, type KodusInstall } from '../../kodusApi';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/Alert';
import { ProfileSelect } from '../../ui/ProfileSelect';
import { errorText } from '../../lib/errorText';
import { TitledPanel } from '../../ui/Panel';

/**
 * Fixed Mode through the install directory: pick the install, preview the
 * merge of a profile into its .env, write it and recreate the services that
 * read it, with Compose's output as it comes and the proof of what Kodus now sees.
 */
export function KodusEnvPanel({ profiles, signedIn, onApplied }: { profiles: ProfileView[]; signedIn: boolean; onApplied: () => void }) {
  const api = useKodusApi();
  const [found, setFound] = useState<KodusFindResult | null>(null);
  const [dir, setDir] = useState('');
  const [install, setInstall] = useState<KodusInstall | null>(null);
  const [profile, setProfile] = useState(profiles[0]?.name ?? '');
  const [restart, setRestart] = useState(true);
  const [chmod600, setChmod600] = useState(false);
  const [plan, setPlan] = useState<KodusEnvPlan | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [lines, setLines] = useState<KodusComposeLine[]>([]);
  const [result, setResult] = useState<KodusEnvResult | null>(null);
  const [error, setError] = useState('');
  const logRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    api
      .find()
      .then((f) => {
        setFound(f);
        const first = f.installs.find((i) => i.envFile);
        if (first) {
          setDir(first.dir);
          setInstall(first);
        }
      })
      .catch((e) => setError(errorText(e)));
  }, [api]);

  useEffect(() => {
    if (!profile && profiles.length) setProfile(profiles[0].name);
  }, [profiles, profile]);

  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [lines]);

  const choose = async (d: string) => {
    setDir(d);
    setPlan(null);
    setResult(null);
    setError('');
    if (!d) return setInstall(null);
    try {
      setInstall(await api.inspectDir(d));
    } catch (e) {
      setInstall(null);
      setError(errorText(e));
    }
  };

  const pickProfile = (name: string) => {
    setProfile(name);
    setPlan(null);
  };

  const preview = async () => {
    setError('');
    setResult(null);
    try {
      setPlan(await api.planEnv({ profile, dir, options: { trustJSONSchema: false, replaceLocalhost: '' }, digest: '', restart }));
    } catch (e) {
      setPlan(null);
      setError(errorText(e));
    }
  };

  const apply = async () => {
    if (!plan) return;
    setConfirming(false);
    setRunning(true);
    setLines([]);
    setError('');
    const off = api.onComposeLine((l) => setLines((prev) => [...prev, l].sort((a, b) => a.seq - b.seq)));
    try {
      const r = await api.applyEnv({ profile, dir, options: { trustJSONSchema: false, replaceLocalhost: '' }, digest: plan.merge.digest, restart, chmod600: chmod600 && !!plan.merge.modeWarning });
      setResult(r);
      setPlan(null);
      onApplied();
    } catch (e) {
      setError(errorText(e));
    } finally {
      off();
      setRunning(false);
    }
  };

  return (
    <TitledPanel titleId="kodus-env-title" title="Fixed Mode: apply a profile to the install’s .env">
      <p className="muted small">
        Kodus reads the <code>.env</code> when its containers are created: after the merge, the API and the workers are recreated with <code>docker compose up -d</code>. Without Docker here, the exact
        command to run is shown.
      </p>
      {found && (
        <div className="field">
          <label htmlFor="kodus-install">Kodus install</label>
          <div className="row">
            <select id="kodus-install" className="input row-fill" value={found.installs.some((i) => i.dir === dir) ? dir : ''} onChange={(e) => void choose(e.target.value)}>
              <option value="">{found.installs.length ? 'Choose…' : 'None found — type or pick a folder'}</option>
              {found.installs.map((i) => (
                <option key={i.dir} value={i.dir}>
                  {i.dir} ({i.foundBy.join(', ')})
                </option>
              ))}
            </select>
            <button
              className="btn btn-sm"
              type="button"
              onClick={async () => {
                const d = await api.pickFolder().catch(() => '');
                if (d) void choose(d);
              }}
            >
              Choose folder…
            </button>
          </div>
          {found.dockerNote && <div className="hint">{found.dockerNote}</div>}
        </div>
      )}
      <div className="field">
        <label htmlFor="kodus-dir">Install directory</label>
        <input id="kodus-dir" className="input" value={dir} onChange={(e) => setDir(e.target.value)} onBlur={() => dir !== install?.dir && void choose(dir)} placeholder="~/kodus-installer" />
      </div>
      {install && (
        <div className="small" data-testid="kodus-install">
          Services that read the LLM variables: <strong>{install.llmServices.join(', ') || 'none'}</strong> · Kodus version: <code>{install.imageTag || 'latest'}</code>
          {install.problem && <div className="field-error">{install.problem}</div>}
        </div>
      )}
      <div className="row">
        <ProfileSelect id="kodus-env-profile" label="Profile" profiles={profiles} value={profile} onChange={pickProfile} />
        <label className="check restart-check">
          <input type="checkbox" checked={restart} onChange={(e) => setRestart(e.target.checked)} /> Recreate the API and workers after writing
        </label>
      </div>
      <div>
        <button className="btn" onClick={() => void preview()} disabled={!dir || !profile || running}>
          Preview the merge
        </button>
      </div>
      {error && <ErrorAlert testId="kodus-env-error">{error}</ErrorAlert>}
      {plan && (
        <div className="stack" data-testid="kodus-env-plan">
          {plan.merge.noChange ? (
            <div className="alert alert-info small">The .env already holds this block.</div>
          ) : (
            <pre className="diff" data-testid="kodus-env-diff">
              {plan.merge.diff}
            </pre>
          )}
          {!plan.merge.noChange && plan.merge.modeWarning && (
            <label className="alert alert-warn check small" data-testid="kodus-env-mode-warning">
              <input type="checkbox" checked={chmod600} onChange={(e) => setChmod600(e.target.checked)} />
              <span>{plan.merge.modeWarning}. Tighten it to owner-only (chmod 600) as the key is written</span>
            </label>
          )}
          <ul className="notes small">
            {plan.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <div className="small">
            {restart ? 'Then runs: ' : 'To apply it later, run: '}
            <code>{plan.restartCommand}</code>
          </div>
          <div>
            <button className="btn btn-primary" onClick={() => setConfirming(true)} disabled={running}>
              {restart ? 'Write and recreate…' : 'Write .env…'}
            </button>
          </div>
        </div>
      )}
      {(running || lines.length > 0) && (
        <div className="stack stack-tight">
          <div className="small">
            {running ? (
              <>
                <span className="spinner" /> Docker Compose is recreating the services…
              </>
            ) : (
              'Docker Compose said:'
            )}
          </div>
          <pre className="diff compose-log" ref={logRef} data-testid="kodus-compose-log">
            {lines.map((l) => l.line).join('\n')}
          </pre>
        </div>
      )}
      {result && <ApplyEnvResult result={result} signedIn={signedIn} />}
      {confirming && plan && (
        <ConfirmDialog
          title={`Write ${plan.install.envFile}?`}
          body={
            <>
              Only the LLM variables change; the old file is backed up next to it.
              {plan.merge.modeWarning && (chmod600 ? ` Its mode goes from ${plan.merge.mode} to owner-only.` : ` Other users can read it (mode ${plan.merge.mode}), and so the key.`)}
              {restart && (
                <>
                  {' '}
                  Then <code>{plan.restartCommand.replace(/^cd .* && /, '')}</code> recreates {plan.services.join(', ')}.
                </>
              )}
            </>
          }
          confirmLabel={restart ? 'Write and recreate' : 'Write'}
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </TitledPanel>
  );
}

function ApplyEnvResult({ result, signedIn }: { result: KodusEnvResult; signedIn: boolean }) {
  const r = result.restart;
  const v = result.verify;
  return (
    <div className="stack" data-testid="kodus-env-result">
      {result.written.backup && (
        <div className="alert alert-ok small">
          Merged into <code>{result.written.path}</code>. Backup: <code>{result.written.backup}</code>
        </div>
      )}
      {!r.requested && (
        <div className="alert alert-info small">
          Recreate the services to apply it: <code>{r.command}</code>
        </div>
      )}
      {r.requested && !r.ok && (
        <div className="alert alert-warn small" data-testid="kodus-restart-problem">
          <div className="alert-title">{r.unavailable ? 'Docker is not usable here' : 'Recreating failed'}</div>
          {r.error}
          <div>
            Run: <code>{r.command}</code>
          </div>
        </div>
      )}
      {r.ok && (
        <div className="alert alert-ok small" data-testid="kodus-restart-ok">
          Recreated {r.services.join(', ')}.
        </div>
      )}
      {v && (
        <div className={`alert ${!v.ok ? 'alert-err' : v.overridden ? 'alert-warn' : 'alert-ok'} small`} data-testid="kodus-verify" data-method={v.method}>
          <div className="alert-title">
            {!v.ok ? 'Not verified' : v.overridden ? 'The .env reached Kodus, but its BYOK config takes precedence' : '✓ Verified'}
            {v.method === 'kodus-status' ? ' (Kodus’s status)' : v.method === 'container-env' ? ' (the API container’s environment)' : ''}
          </div>
          {v.message}
          {v.variables && v.variables.length > 0 && <pre className="diff">{v.variables.map((x) => `${x.name}=${x.value}`).join('\n')}</pre>}
          {!signedIn && v.method !== 'kodus-status' && <div className="hint">Sign in above to see what Kodus itself reports.</div>}
        </div>
      )}
    </div>
  );
}
