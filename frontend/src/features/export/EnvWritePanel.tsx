import { useEffect, useState } from 'react';
import { useApi, type EnvMergePlan, type EnvOptions, type EnvWriteResult } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DiffView, EnvBanner } from './EnvBanner';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../lib/errorText';
import { ErrorAlert } from '../../ui/Alert';
import { CodeNotes } from '../../ui/CodeNotes';
import { TitledPanel } from '../../ui/Panel';

/** The three ways to write the block: copy, a new file (block or complete .env), a merge. */
export function EnvWritePanel({ profile, opts }: { profile: string; opts: EnvOptions }) {
  const api = useApi();
  const toast = useToast();
  const [path, setPath] = useState('');
  // A write that found the file there: asked before replacing it.
  const [replace, setReplace] = useState<{ path: string; full: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<EnvWriteResult | null>(null);
  const [plan, setPlan] = useState<EnvMergePlan | null>(null);
  const [confirm, setConfirm] = useState(false);
  // Tighten a file others can read to owner-only as the key goes into it.
  const [chmod600, setChmod600] = useState(false);
  // A plan or result belongs to the block it was made for.
  useEffect(() => {
    setPlan(null);
    setResult(null);
    setError('');
  }, [profile, opts]);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      await f();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const write = (full: boolean, force = false) =>
    run(async () => {
      setPlan(null);
      setReplace(null);
      const r = await api.writeEnv({ profile, options: opts, path, full, force });
      if (r.exists) {
        setReplace({ path: r.path, full });
        return;
      }
      setResult(r);
      toast(`Written to ${r.path}`);
    });
  const preview = () => run(async () => setPlan(await api.planEnvMerge({ profile, options: opts, path, digest: '' })));
  const apply = () =>
    run(async () => {
      if (!plan) return;
      setConfirm(false);
      const r = await api.applyEnvMerge({ profile, options: opts, path, digest: plan.digest, chmod600: chmod600 && !!plan.modeWarning });
      setPlan(null);
      setResult(r);
      toast(`Merged into ${r.path}`);
    });
  const replacing = plan?.current.fixedMode;

  return (
    <TitledPanel titleId="env-write-title" title="Write it">
      <div className="row">
        <button
          className="btn"
          onClick={() =>
            void api
              .copyEnvBlock(profile, opts)
              .then(() => toast('Block copied with the key: paste it into your .env (the clipboard is cleared after a minute)'))
              .catch((e) => toast(errorText(e), true))
          }
        >
          Copy block
        </button>
        <span className="hint">The copy holds your key in full; the preview above stays masked.</span>
      </div>
      <div className="field">
        <label htmlFor="env-path">.env file</label>
        <input id="env-path" className="input" placeholder="/opt/kodus/.env" value={path} onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && path && void preview()} />
        <div className="hint">A new file is created with mode 0600. A merge keeps every other line exactly, backs the old file up next to it and keeps its mode.</div>
      </div>
      <div className="row">
        <button className="btn btn-primary" disabled={!path || busy} onClick={() => void preview()}>
          Preview merge into this .env
        </button>
        <button className="btn" disabled={!path || busy} onClick={() => void write(false)}>
          Write the block as a new file
        </button>
        <button className="btn" disabled={!path || busy} onClick={() => void write(true)}>
          Write a complete new .env
        </button>
        {busy && <span className="spinner" aria-label="Working" />}
      </div>
      {error && <ErrorAlert testId="env-write-error">{error}</ErrorAlert>}
      {plan && (
        <div className="stack" data-testid="merge-plan">
          <EnvBanner report={plan.current} path={plan.path} />
          {plan.noChange ? (
            <div className="alert alert-ok">The file already holds this block; there is nothing to write.</div>
          ) : (
            <>
              {plan.modeWarning && (
                <div className="alert alert-warn stack stack-tight" data-testid="merge-mode-warning">
                  <div>{plan.modeWarning}.</div>
                  <label className="check">
                    <input type="checkbox" checked={chmod600} onChange={(e) => setChmod600(e.target.checked)} />
                    <span>Tighten it to owner-only (chmod 600) as the key is written</span>
                  </label>
                </div>
              )}
              <DiffView diff={plan.diff} />
              <ul className="list small">
                {plan.changes.map((c) => (
                  <li key={`${c.var}-${c.line}`}>
                    <code>{c.var}</code> {c.action} (line {c.line}){c.reason ? `: ${c.reason}` : ''}
                  </li>
                ))}
              </ul>
              <div className="row">
                <button className="btn btn-primary" onClick={() => setConfirm(true)}>
                  Write changes…
                </button>
                <button className="btn btn-ghost" onClick={() => setPlan(null)}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {result && (
        <div className="alert alert-ok stack stack-tight" data-testid="env-write-result">
          <div className="alert-title">Written to {result.path}</div>
          {result.backup && <div className="small">Backup: {result.backup}</div>}
          {result.notes
            .filter((n) => !result.backup || !n.includes(result.backup))
            .map((n) => (
              <div key={n} className="small">
                {n}
              </div>
            ))}
          {result.fillIns.length > 0 && (
            <>
              <div className="small">Still to fill in (marked FILL IN in the file):</div>
              <CodeNotes className="list small" notes={result.fillIns.map((f) => [f.var, f.what])} />
            </>
          )}
          {result.problems.map((p) => (
            <div key={p.var + p.line} className="field-error">
              {p.var}: {p.message}
            </div>
          ))}
        </div>
      )}
      {replace && (
        <ConfirmDialog
          title={`Replace ${replace.path}?`}
          body="The file exists. Replacing it writes the new one in its place and keeps the old one as a backup next to it."
          confirmLabel="Replace it"
          onCancel={() => setReplace(null)}
          onConfirm={() => void write(replace.full, true)}
        />
      )}
      {confirm && plan && (
        <ConfirmDialog
          title={replacing ? 'Replace the LLM configured in this .env?' : `Write these changes to ${plan.path}?`}
          body={
            <>
              {replacing && (
                <p>
                  This file configures Kodus with <strong>{plan.current.inferred.model}</strong> ({plan.current.inferred.providerLabel}). Writing replaces those variables in the file with profile{' '}
                  {profile}’s.
                </p>
              )}
              {plan.modeWarning && (
                <p data-testid="confirm-mode-warning">
                  {chmod600 ? (
                    <>
                      Its mode goes from <code>{plan.mode}</code> to owner-only, so only its owner can read the key.
                    </>
                  ) : (
                    <>
                      <strong>Other users can read this file (mode {plan.mode})</strong>, and so the key written into it. Tick “Tighten it to owner-only” to change that.
                    </>
                  )}
                </p>
              )}
              <p>
                Every other line stays as it is, and the old file is backed up next to it. Kodus picks the change up when you run <code>docker compose up -d</code>; a BYOK model saved in Kodus’s
                settings still takes precedence over the .env.
              </p>
            </>
          }
          confirmLabel="Write changes"
          onCancel={() => setConfirm(false)}
          onConfirm={() => void apply()}
        />
      )}
    </TitledPanel>
  );
}
