import { useState } from 'react';
import type { ProfileView } from '../../api';
import { useKodusApi, type KodusApplyPlan, type KodusApplyResult, type KodusChange, type KodusTestResult } from '../../kodusApi';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/Alert';
import { ProfileSelect } from '../../ui/ProfileSelect';
import { errorText } from '../../lib/errorText';
import { TitledPanel } from '../../ui/Panel';

const SIGN: Record<string, string> = { add: '+', update: '~', route: '→', keep: '=', remove: '−' };

/**
 * "Apply to Kodus": the profile merged into Kodus's BYOK config through its
 * API — the difference first (what Kodus uses now → after), then Kodus's own
 * Test of the applied models and its status after.
 */
interface KodusApplyPanelProps {
  profiles: ProfileView[];
  onApplied: () => void;
  /** Applies this profile only (a profile card's action): no profile picker. */
  fixedProfile?: string;
}

export function KodusApplyPanel({ profiles, onApplied, fixedProfile }: KodusApplyPanelProps) {
  const api = useKodusApi();
  const [profile, setProfile] = useState(fixedProfile ?? profiles[0]?.name ?? '');
  const titleID = fixedProfile ? `kodus-apply-title-${fixedProfile}` : 'kodus-apply-title';
  const [plan, setPlan] = useState<KodusApplyPlan | null>(null);
  const [result, setResult] = useState<KodusApplyResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const pickProfile = (name: string) => {
    setProfile(name);
    setPlan(null);
    setResult(null);
  };

  const preview = async () => {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setPlan(await api.planApply(profile));
    } catch (e) {
      setPlan(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setConfirming(false);
    setBusy(true);
    setError('');
    try {
      const r = await api.apply(profile, plan.digest);
      setResult(r);
      setPlan(null);
      if (r.applied) onApplied();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <TitledPanel titleId={titleID} title={fixedProfile ? `Apply profile ${fixedProfile} to Kodus (BYOK)` : 'Apply a profile to Kodus (BYOK)'}>
      <p className="muted small">
        Saves the profile in Kodus’s BYOK config through its API. Everything else Kodus has is kept — its other keys are re-sent empty, so Kodus keeps them. Then Kodus runs its own Test of the model.
      </p>
      <div className="row field-row">
        {!fixedProfile && <ProfileSelect id="kodus-apply-profile" label="Profile to apply" profiles={profiles} value={profile} onChange={pickProfile} />}
        <button className="btn" onClick={() => void preview()} disabled={!profile || busy}>
          {busy && !plan ? <span className="spinner" /> : null} Show the difference
        </button>
      </div>
      {error && <ErrorAlert testId="kodus-apply-error">{error}</ErrorAlert>}
      {plan && (
        <div className="stack" data-testid="kodus-apply-plan">
          <div className="small stack stack-tight">
            <div>
              <strong>Kodus uses now:</strong> <span data-testid="kodus-uses-now">{plan.usesNow}</span>
            </div>
            <div>
              <strong>After:</strong> <span data-testid="kodus-uses-after">{plan.usesAfter}</span>
            </div>
            <div className="muted">
              Kodus line <code>{plan.line}</code>, BYOK config {plan.shape}
            </div>
          </div>
          <ul className="list small plain-list" data-testid="kodus-apply-diff">
            {plan.changes.map((c, i) => (
              <ChangeLine key={i} c={c} />
            ))}
          </ul>
          {plan.warnings.map((w, i) => (
            <div key={i} className="alert alert-warn small" data-testid="kodus-apply-warning">
              <div className="alert-title">Kodus will likely refuse this ({w.slot})</div>
              {w.message}
              {w.fix && <div className="hint">{w.fix}</div>}
            </div>
          ))}
          {plan.notes.length > 0 && (
            <ul className="notes small">
              {plan.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <div>
            <button className="btn btn-primary" onClick={() => setConfirming(true)} disabled={busy}>
              Apply to Kodus…
            </button>
          </div>
        </div>
      )}
      {busy && plan && (
        <div className="small">
          <span className="spinner" /> Saving in Kodus and running Kodus’s Test…
        </div>
      )}
      {result && <ApplyResult r={result} />}
      {confirming && plan && (
        <ConfirmDialog
          title="Save this BYOK config in Kodus?"
          body={
            <>
              Kodus will use {plan.usesAfter}. A BYOK config takes precedence over the <code>.env</code>. The key goes to Kodus once, which stores it encrypted.
            </>
          }
          confirmLabel="Apply to Kodus"
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </TitledPanel>
  );
}

function ChangeLine({ c }: { c: KodusChange }) {
  return (
    <li data-kind={c.kind}>
      <span className="mono" aria-hidden>
        {SIGN[c.kind] ?? '·'}
      </span>{' '}
      <strong>{c.what}</strong>: {c.kind === 'add' ? c.after : c.kind === 'keep' || c.kind === 'remove' ? c.before : `${c.before} → ${c.after}`}
      {c.kind === 'keep' && <span className="muted"> (kept)</span>}
    </li>
  );
}

function TestLine({ what, t }: { what: string; t: KodusTestResult }) {
  return (
    <div className={`alert ${t.ok ? 'alert-ok' : 'alert-err'} small`} data-testid="kodus-test-result" data-code={t.code}>
      <div className="alert-title">
        Kodus’s Test of the {what} model: {t.ok ? 'OK' : 'failed'} · {t.code} · {t.latencyMs} ms{t.httpStatus ? ` · HTTP ${t.httpStatus}` : ''}
        {t.verifiedBy === 'probe' ? ' · a real call' : ''}
      </div>
      {t.message && <div>{t.message}</div>}
      {t.providerMessage && <div className="provider-said">The provider said: {t.providerMessage}</div>}
      {t.warning && <div>Warning: {t.warning}</div>}
    </div>
  );
}

function ApplyResult({ r }: { r: KodusApplyResult }) {
  if (r.refusal) {
    return (
      <div className="alert alert-err" role="alert" data-testid="kodus-refusal">
        <div className="alert-title">
          Kodus refused the config (HTTP {r.refusal.status}): {r.refusal.message}
        </div>
        {r.refusal.details.length > 0 && (
          <ul className="small">
            {r.refusal.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        {r.refusal.advice && <div className="hint">What to do: {r.refusal.advice}</div>}
      </div>
    );
  }
  return (
    <div className="stack" data-testid="kodus-apply-result">
      <div className="alert alert-ok small">Saved in Kodus.</div>
      {r.test && <TestLine what="Main" t={r.test} />}
      {r.fallbackTest && <TestLine what="Fallback" t={r.fallbackTest} />}
      {r.testError && <div className="alert alert-warn small">Kodus’s Test did not run: {r.testError}</div>}
      {r.statusAfter && (
        <div className="small" data-testid="kodus-status-after">
          Kodus’s status after: <strong>{r.statusAfter.source}</strong> — {r.statusSummary}
        </div>
      )}
    </div>
  );
}
