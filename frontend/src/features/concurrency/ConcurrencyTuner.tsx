import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi, type ConcurrencyProgress, type ConcurrencyReport, type ConcurrencyView, type SlotName } from '../../api';
import { inputFromForm, type SlotForm } from '../../lib/slotForm';
import { ConcurrencyChart } from '../../ui/lazy/LazyCharts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../lib/errorText';

interface Props {
  form: SlotForm;
  /** The pasted key; "" measures with the stored key when saving keeps it. */
  apiKey: string;
  profile: string;
  slot: SlotName;
  onApply: (n: number) => void;
}

interface Workload {
  files: string;
  calls: string;
  latency: string;
}

const newID = () => `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);
// A number the backend rejects with a field error, for text that is none.
const orBad = (n: number) => (Number.isFinite(n) ? n : -1);

/** The backend's view of the slot as edited, debounced. */
function useConcurrencyView(form: SlotForm, profile: string, slot: SlotName, w: Workload, measuredCap: number, ceiling: number) {
  const api = useApi();
  const [view, setView] = useState<ConcurrencyView | null>(null);
  const [error, setError] = useState('');
  const { input } = useMemo(() => inputFromForm(form), [form]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      const latency = w.latency.trim() === '' ? NaN : Number(w.latency);
      const workload = {
        filesPerPR: orBad(whole(w.files)),
        callsPerFile: orBad(whole(w.calls)),
        extraCalls: 4,
        latencyMs: orBad(Math.round(latency * 1000)),
        providerCap: 0,
        retries: 2,
        backoffMs: 2000,
        hasFallback: false,
      };
      api
        .concurrencyInfo({ profile, slot, config: input, workload, measuredCap, max: ceiling })
        .then((v) => {
          if (!live) return;
          setView(v);
          setError('');
        })
        .catch((e) => live && setError(errorText(e)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, input, profile, slot, w.files, w.calls, w.latency, measuredCap, ceiling]);
  return { view, error };
}

/**
 * Concurrency of a saved slot, on the profile page: the plan's suggested
 * value and why, the warnings for this profile, a measured cap with Apply,
 * and the review time at each setting.
 */
export function ConcurrencyTuner({ form, apiKey, profile, slot, onApply }: Props) {
  const api = useApi();
  const [w, setW] = useState<Workload>({ files: '20', calls: '1', latency: '30' });
  const [ceiling, setCeiling] = useState('32');
  const [confirming, setConfirming] = useState(false);
  const [runID, setRunID] = useState('');
  const [progress, setProgress] = useState<ConcurrencyProgress | null>(null);
  const [report, setReport] = useState<ConcurrencyReport | null>(null);
  const [measureError, setMeasureError] = useState('');
  const runRef = useRef('');
  const ceilingN = whole(ceiling);
  const ceilingOK = ceilingN >= 1 && ceilingN <= 256;
  const measuredCap = report && report.cap > 0 && (report.stoppedBy === 'rate_limit' || report.stoppedBy === 'ceiling') ? report.cap : 0;
  const { view, error } = useConcurrencyView(form, profile, slot, w, report?.stoppedBy === 'rate_limit' ? measuredCap : 0, ceilingOK ? ceilingN : 32);

  useEffect(() => api.onConcurrencyProgress((e) => e.id === runRef.current && setProgress(e.progress)), [api]);
  // A result belongs to the endpoint it was measured on.
  const endpoint = `${form.provider}|${form.baseURL}|${form.model}|${form.plan}`;
  useEffect(() => {
    setReport(null);
    setMeasureError('');
  }, [endpoint]);

  const measure = async () => {
    setConfirming(false);
    const id = newID();
    runRef.current = id;
    setRunID(id);
    setProgress(null);
    setReport(null);
    setMeasureError('');
    try {
      const { input } = inputFromForm(form);
      const rep = await api.measureConcurrency({ profile, slot, config: input, apiKey, max: ceilingN, id });
      if (runRef.current === id) setReport(rep);
    } catch (e) {
      if (runRef.current === id) setMeasureError(errorText(e));
    } finally {
      if (runRef.current === id) setRunID('');
    }
  };

  const current = whole(form.maxConcurrentRequests);
  const warnings = view?.advice.filter((a) => a.severity === 'warning') ?? [];
  const tips = view?.advice.filter((a) => a.severity === 'tip') ?? [];
  const running = runID !== '';
  const pf = view?.preFill;
  const plan = view?.measure;
  const applied = report && report.recommended > 0 && current === report.recommended;

  return (
    <section className="panel stack concurrency" aria-labelledby="concurrency-title" data-testid="concurrency-tuner">
      <div className="spread">
        <h3 className="heading-flush" id="concurrency-title">
          Max concurrent requests{pf ? ` — ${pf.label}` : ''}: {Number.isNaN(current) || current === 0 ? 'no limit' : current}
        </h3>
        {pf && (
          <span className="tag" data-testid="concurrency-prefill">
            Suggested: {pf.value === undefined || pf.value === null ? 'no limit' : pf.value}
            {pf.limit ? `, the plan allows up to ${pf.limit}` : ''}
          </span>
        )}
      </div>
      {pf && <p className="hint hint-flush">{pf.reason}</p>}
      {pf?.tiers?.length ? (
        <ul className="hint list">
          {pf.tiers.map((t) => (
            <li key={t.label}>
              <strong>{t.label}</strong>: {t.maxConcurrentRequests} (up to {t.limit}) — {t.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {error && <div className="alert alert-err small">{error}</div>}
      {warnings.map((a) => (
        <div key={a.code} className="alert alert-warn small spread" data-testid="concurrency-warning" data-code={a.code}>
          <span>{a.message}</span>
          {a.suggested !== undefined && a.suggested !== null && a.suggested !== current && (
            <button type="button" className="btn btn-sm" onClick={() => onApply(a.suggested!)}>
              Set {a.suggested}
            </button>
          )}
        </div>
      ))}
      {tips.length > 0 && (
        <ul className="hint list">
          {tips.map((a) => (
            <li key={a.code}>{a.message}</li>
          ))}
        </ul>
      )}

      <div className="stack measure">
        <div className="row field-row">
          <div className="field concurrency-field">
            <label htmlFor="measure-max">Try up to</label>
            <input
              id="measure-max"
              className="input"
              inputMode="numeric"
              value={ceiling}
              aria-invalid={ceilingOK ? undefined : true}
              aria-describedby="measure-note"
              onChange={(e) => setCeiling(e.target.value)}
              disabled={running}
            />
          </div>
          {running ? (
            <button type="button" className="btn" onClick={() => void api.cancelConcurrencyMeasure(runID)}>
              Cancel
            </button>
          ) : (
            <button type="button" className="btn" disabled={!plan?.available || !ceilingOK} onClick={() => setConfirming(true)}>
              Measure
            </button>
          )}
        </div>
        <div className="hint" id="measure-note" data-testid="measure-note">
          {!ceilingOK
            ? 'Try up to: a whole number from 1 to 256.'
            : `Measure sends bursts of 1, 2, 3… requests at once, up to this many, until the provider refuses one: that is the cap. It only measures; “Max concurrent requests” is what Kodus uses. ${plan?.available ? plan.note : plan?.reason ? `Measure needs a valid endpoint: ${plan.reason}` : ''}`}
        </div>
        {running && <MeasureProgress progress={progress} />}
        {measureError && (
          <div className="alert alert-err" role="alert">
            <div className="alert-title">Not measured</div>
            {measureError}
          </div>
        )}
        {report && !running && (
          <div className={`alert ${report.recommended > 0 ? 'alert-ok' : 'alert-warn'}`} role="status" data-testid="measure-result" data-stopped-by={report.stoppedBy}>
            <div className="spread">
              <div className="alert-title">
                {report.stoppedBy === 'rate_limit' && report.cap > 0
                  ? `Cap: ${report.cap} at once${report.exact ? '' : ' (approximate)'}`
                  : report.stoppedBy === 'ceiling'
                    ? `No rejection up to ${report.cap} at once`
                    : report.stoppedBy === 'cancelled'
                      ? 'Measurement cancelled'
                      : 'No cap measured'}
                {report.recommended > 0 ? ` — recommended ${report.recommended}` : ''}
              </div>
              {report.recommended > 0 && (
                <button type="button" className="btn btn-sm btn-primary" disabled={Boolean(applied)} onClick={() => onApply(report.recommended)}>
                  {applied ? 'Applied' : `Apply ${report.recommended}`}
                </button>
              )}
            </div>
            <div className="small">{report.why}</div>
            <div className="hint">
              {report.requests} request{report.requests === 1 ? '' : 's'} in {report.rounds} burst{report.rounds === 1 ? '' : 's'} (at most {report.maxRequests}
              ).
            </div>
          </div>
        )}
      </div>

      {view?.calculator && (
        <div className="stack">
          <div className="label">Review time of one PR</div>
          <div className="grid-3">
            <WorkloadField id="calc-files" label="Changed files" value={w.files} onChange={(files) => setW({ ...w, files })} />
            <WorkloadField id="calc-calls" label="Calls per file" value={w.calls} onChange={(calls) => setW({ ...w, calls })} />
            <WorkloadField id="calc-latency" label="Seconds per call" value={w.latency} onChange={(latency) => setW({ ...w, latency })} />
          </div>
          <ConcurrencyChart calc={view.calculator} current={Number.isNaN(current) ? undefined : current} />
          {view.calculator.notes.map((n) => (
            <p key={n} className="hint hint-flush">
              {n}
            </p>
          ))}
        </div>
      )}
      {view && view.fieldErrors.length > 0 && (
        <div className="field-error" role="alert">
          {view.fieldErrors.map((e) => `${e.field}: ${e.rule}`).join('; ')}
        </div>
      )}
      {confirming && plan && (
        <ConfirmDialog
          title="Measure the concurrency cap?"
          body={
            <>
              <p>{plan.note}</p>
              <p>These requests are billed (a few tokens each) and count against the plan&apos;s limits.</p>
            </>
          }
          confirmLabel={`Send up to ${plan.maxRequests} requests`}
          onConfirm={() => void measure()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function MeasureProgress({ progress }: { progress: ConcurrencyProgress | null }) {
  const done = progress?.requests ?? 0;
  const max = progress?.maxRequests || 1;
  return (
    <div className="stack stack-tight" data-testid="measure-progress" role="status" aria-live="polite">
      <progress value={done} max={max} aria-label="Requests sent" />
      <div className="hint">
        {progress ? progress.message : 'Starting…'}
        {progress && progress.phase !== 'waiting' ? ` · ${progress.requests} of at most ${progress.maxRequests} sent` : ''}
        {progress && progress.good > 0 ? ` · ${progress.good} at once worked so far` : ''}
      </div>
    </div>
  );
}

function WorkloadField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
